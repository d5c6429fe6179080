import GluteWire

/// The simulated battery: full at power-on, 1 % lost every `secondsPerPercent` of simulated time,
/// never below `floorPercent`, so that long demos see it move (the same drain as the serial
/// firmware's status frames).
public struct BatteryModel: Sendable, Equatable {
    /// Default 600 s.
    public var secondsPerPercent: Double = 600
    /// Default 5 %.
    public var floorPercent: Int = 5

    public init() {}

    public func percent(at time: Double) -> UInt8 {
        UInt8(max(floorPercent, min(100, 100 - Int(saturating: max(0, time) / secondsPerPercent))))
    }

    public func millivolts(at time: Double) -> UInt16 { UInt16(3300 + Int(percent(at: time)) * 9) }
}
