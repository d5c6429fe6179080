/// Read Response (0x0B): the attribute value (possibly cut at MTU - 1 bytes by the server).
public struct ATTReadResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.readResponse
    public var value: [UInt8]

    public init(value: [UInt8]) { self.value = value }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode) else { return nil }
        self.init(value: Array(reader.rest()))
    }

    public func encode() -> [UInt8] { [Self.opcode.rawValue] + value }
}
