/// WitMotion's fixed-point scales (standard protocol and BLE 5.0): a signed 16-bit word stands
/// for `word / 32768 * fullScale`.
public enum WitMotionScale {
    /// Accelerometer full scale, g.
    public static let accelerationG = 16.0
    /// Gyroscope full scale, deg/s.
    public static let angularVelocityDPS = 2000.0
    /// Angle full scale, degrees.
    public static let angleDegrees = 180.0
    /// Quaternion full scale.
    public static let quaternion = 1.0
    /// Temperature word unit: hundredths of a degree Celsius.
    public static let temperatureCelsiusPerUnit = 0.01

    /// The value of a raw word.
    @inline(__always)
    public static func value(_ raw: Int16, fullScale: Double) -> Double {
        Double(raw) / 32768 * fullScale
    }

    /// The raw word for a value, rounded to nearest and clamped to the word's range.
    public static func raw(_ value: Double, fullScale: Double) -> Int16 {
        guard value.isFinite else { return 0 }
        return Int16(saturating: value / fullScale * 32768, rounding: .toNearestOrAwayFromZero)
    }

    /// Little-endian signed word at `offset`.
    @inline(__always)
    static func word(_ bytes: [UInt8], _ offset: Int) -> Int16 {
        Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
    }
}
