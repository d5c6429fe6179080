/// The properties byte of a characteristic declaration (Bluetooth Core Vol 3 Part G, 3.3.1.1):
/// what a client may do with the characteristic's value.
public struct GATTCharacteristicProperties: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let broadcast = GATTCharacteristicProperties(rawValue: 0x01)
    public static let read = GATTCharacteristicProperties(rawValue: 0x02)
    public static let writeWithoutResponse = GATTCharacteristicProperties(rawValue: 0x04)
    public static let write = GATTCharacteristicProperties(rawValue: 0x08)
    public static let notify = GATTCharacteristicProperties(rawValue: 0x10)
    public static let indicate = GATTCharacteristicProperties(rawValue: 0x20)

    /// Notify or indicate: the characteristic gets a Client Characteristic Configuration descriptor.
    public var pushesValues: Bool { !isDisjoint(with: [.notify, .indicate]) }
}
