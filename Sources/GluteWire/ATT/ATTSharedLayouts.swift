/// PDUs laid out as opcode, handle, then a value that runs to the end of the PDU (notification,
/// indication, write request, write command). The value may be empty; only the MTU bounds it.
public protocol ATTHandleValueLayout: ATTProtocolDataUnit {
    var handle: UInt16 { get }
    var value: [UInt8] { get }
    init(handle: UInt16, value: [UInt8])
}

extension ATTHandleValueLayout {
    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let handle = reader.u16() else { return nil }
        self.init(handle: handle, value: Array(reader.rest()))
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.reserveCapacity(3 + value.count)
        out.appendLittleEndian(handle)
        out.append(contentsOf: value)
        return out
    }
}

/// PDUs laid out as opcode, start handle, end handle, then a 2- or 16-byte attribute type (read by
/// type, read by group type requests): 7 or 21 bytes long, nothing else.
public protocol ATTRangeTypeLayout: ATTProtocolDataUnit {
    var startHandle: UInt16 { get }
    var endHandle: UInt16 { get }
    var attributeType: BluetoothUUID { get }
    init(startHandle: UInt16, endHandle: UInt16, attributeType: BluetoothUUID)
}

extension ATTRangeTypeLayout {
    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let start = reader.u16(), let end = reader.u16(),
              let type = reader.bytes(reader.remaining).flatMap(BluetoothUUID.init(littleEndian:))
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
