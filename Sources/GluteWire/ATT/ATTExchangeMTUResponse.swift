/// Exchange MTU Response (0x03): the largest ATT PDU the server can receive.
public struct ATTExchangeMTUResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.exchangeMTUResponse
    public var serverReceiveMTU: UInt16

    public init(serverReceiveMTU: UInt16) { self.serverReceiveMTU = serverReceiveMTU }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let value = reader.u16(), reader.isAtEnd else { return nil }
        self.init(serverReceiveMTU: value)
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.appendLittleEndian(serverReceiveMTU)
        return out
    }
}
