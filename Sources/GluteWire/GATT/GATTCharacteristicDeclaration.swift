/// The value of a characteristic declaration attribute (type 0x2803): properties, the handle of
/// the value attribute and the characteristic's UUID, 5 or 19 bytes.
public struct GATTCharacteristicDeclaration: Sendable, Equatable {
    public var properties: GATTCharacteristicProperties
    public var valueHandle: UInt16
    public var uuid: BluetoothUUID

    public init(properties: GATTCharacteristicProperties, valueHandle: UInt16, uuid: BluetoothUUID) {
        self.properties = properties
        self.valueHandle = valueHandle
        self.uuid = uuid
    }

    /// Nil unless the value is 5 bytes (16-bit UUID) or 19 bytes (128-bit UUID).
    public init?(value: [UInt8]) {
        guard value.count == 5 || value.count == 19,
              let uuid = BluetoothUUID(littleEndian: value[3...]) else { return nil }
        self.init(properties: GATTCharacteristicProperties(rawValue: value[0]),
                  valueHandle: UInt16(value[1]) | UInt16(value[2]) << 8, uuid: uuid)
    }

    public func encode() -> [UInt8] {
        [properties.rawValue, UInt8(truncatingIfNeeded: valueHandle), UInt8(truncatingIfNeeded: valueHandle >> 8)]
            + uuid.littleEndianBytes
    }
}
