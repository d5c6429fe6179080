/// Read By Type Request (0x08): read attributes of one type in a range (characteristic discovery uses 0x2803).
/// The type is 2 or 16 bytes; the PDU is therefore 7 or 21 bytes long, nothing else.
public struct ATTReadByTypeRequest: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.readByTypeRequest
    public var startHandle: UInt16
    public var endHandle: UInt16
    public var attributeType: BluetoothUUID

    public init(startHandle: UInt16, endHandle: UInt16, attributeType: BluetoothUUID) {
        self.startHandle = startHandle
        self.endHandle = endHandle
        self.attributeType = attributeType
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ATTReader(bytes)
        guard reader.expect(Self.opcode), let start = reader.uint16(), let end = reader.uint16(),
              let type = reader.take(reader.remaining).flatMap(BluetoothUUID.init(littleEndian:))
        else { return nil }
        self.init(startHandle: start, endHandle: end, attributeType: type)
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.appendLittleEndian(startHandle)
        out.appendLittleEndian(endHandle)
        out.append(contentsOf: attributeType.littleEndianBytes)
        return out
    }
}
