/// The second byte of a standard-protocol packet (`0x55 TYPE` + 8 data bytes + checksum).
public enum WitMotionPacketType: UInt8, Sendable, CaseIterable {
    case time = 0x50
    /// ax, ay, az, temperature.
    case acceleration = 0x51
    /// wx, wy, wz, voltage (or temperature on older firmware).
    case angularVelocity = 0x52
    /// roll, pitch, yaw, version.
    case angle = 0x53
    case magneticField = 0x54
    case portStatus = 0x55
    case barometer = 0x56
    case position = 0x57
    case groundSpeed = 0x58
    /// q0 (w), q1, q2, q3.
    case quaternion = 0x59
    case satellites = 0x5A
    case registerValue = 0x5F

    /// Type bytes a packet may carry; anything else means the header byte was not a header.
    public static let validRange: ClosedRange<UInt8> = 0x50...0x5F

    /// Standard-protocol packet length in bytes.
    public static let packetLength = 11
    /// First byte of every packet.
    public static let header: UInt8 = 0x55

    /// Low byte of the sum of a packet's first ten bytes.
    public static func checksum(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var sum: UInt8 = 0
        for index in start..<(start + 10) { sum &+= bytes[index] }
        return sum
    }
}
