/// The value of a Client Characteristic Configuration descriptor (0x2902): which pushes the server
/// may send for its characteristic. Two bytes, little-endian.
public struct ClientCharacteristicConfiguration: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notifications = ClientCharacteristicConfiguration(rawValue: 0x0001)
    public static let indications = ClientCharacteristicConfiguration(rawValue: 0x0002)

    public var bytes: [UInt8] { [UInt8(truncatingIfNeeded: rawValue), UInt8(truncatingIfNeeded: rawValue >> 8)] }

    /// Nil unless exactly two bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 2 else { return nil }
        self.init(rawValue: UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
    }
}
