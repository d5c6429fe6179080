/// Read By Group Type Request (0x10): read grouping attributes of one type in a range (primary service discovery uses 0x2800).
/// The type is 2 or 16 bytes; the PDU is therefore 7 or 21 bytes long, nothing else.
public struct ATTReadByGroupTypeRequest: ATTRangeTypeLayout {
    public static let opcode = ATTOpcode.readByGroupTypeRequest
    public var startHandle: UInt16
    public var endHandle: UInt16
    public var attributeType: BluetoothUUID

    public init(startHandle: UInt16, endHandle: UInt16, attributeType: BluetoothUUID) {
        self.startHandle = startHandle
        self.endHandle = endHandle
        self.attributeType = attributeType
    }
}
