/// Decodes the BBC micro:bit accelerometer data notifications: x, y, z as int16 little-endian in
/// milli-g, 6 bytes per `feed` (one notification). The micro:bit sends no time and no gyroscope, so
/// each sample is stamped with the notification's `hostTime` and its angular rate is zero: the
/// orientation filter then leans on gravity alone, as for accelerometer-only CSV recordings.
///
/// The values are taken as specific force in the board's own axes (+1 g on the axis pointing up);
/// mounting on the belt is a matter for `calibrate`, as for any sensor.
public struct MicrobitAccelerometerDecoder: StreamDecoder {
    public let protocolName = "microbit"
    public private(set) var statistics = DecoderStatistics()
    public static let notificationLength = 6

    public init() {}

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        guard bytes.count == Self.notificationLength else {
            let anomaly = DecoderAnomaly(bytes.count > Self.notificationLength ? .oversized : .malformed,
                                         detail: "accelerometer notification of \(bytes.count) bytes (expected 6)")
            statistics.record(anomaly)
            emit(.anomaly(anomaly))
            return
        }
        let b = bytes.startIndex
        func milliG(_ i: Int) -> Double { Double(Int16(bitPattern: UInt16(bytes[b + i]) | UInt16(bytes[b + i + 1]) << 8)) / 1000 }
        statistics.frames += 1
        statistics.samples += 1
        emit(.sample(.imu(IMUSample(time: hostTime, accel: Vector3(milliG(0), milliG(2), milliG(4)), gyro: .zero))))
    }

    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {}
}
