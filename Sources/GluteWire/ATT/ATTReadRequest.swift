/// Read Request (0x0A): read the value of one attribute.
public struct ATTReadRequest: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.readRequest
    public var handle: UInt16

    public init(handle: UInt16) { self.handle = handle }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let value = reader.u16(), reader.isAtEnd else { return nil }
        self.init(handle: value)
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.appendLittleEndian(handle)
        return out
    }
}
