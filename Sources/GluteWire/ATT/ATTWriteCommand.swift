/// Write Command (0x52): write a value, no response.
/// The value takes the rest of the PDU; it may be empty, and its length is bounded only by the MTU.
public struct ATTWriteCommand: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.writeCommand
    public var handle: UInt16
    public var value: [UInt8]

    public init(handle: UInt16, value: [UInt8]) {
        self.handle = handle
        self.value = value
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ATTReader(bytes)
        guard reader.expect(Self.opcode), let handle = reader.uint16() else { return nil }
        self.init(handle: handle, value: reader.rest())
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.reserveCapacity(3 + value.count)
        out.appendLittleEndian(handle)
        out.append(contentsOf: value)
        return out
    }
}
