/// Which side of the body an event concerns. `unknown` when the sensor cannot tell (a belt IMU
/// sees a squeeze as a posterior tilt, not which buttock fired).
public enum Side: String, Sendable, Equatable, CaseIterable {
    case left
    case right
    case both
    case unknown
}

/// Which sensor an event was derived from.
public enum SensorSource: String, Sendable, Equatable, CaseIterable {
    case cushion
    case imu
}
