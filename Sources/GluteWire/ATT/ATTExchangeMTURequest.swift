/// Exchange MTU Request (0x02): the largest ATT PDU the client can receive.
public struct ATTExchangeMTURequest: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.exchangeMTURequest
    public var clientReceiveMTU: UInt16

    public init(clientReceiveMTU: UInt16) { self.clientReceiveMTU = clientReceiveMTU }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let value = reader.u16(), reader.isAtEnd else { return nil }
        self.init(clientReceiveMTU: value)
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.appendLittleEndian(clientReceiveMTU)
        return out
    }
}
