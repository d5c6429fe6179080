/// Write Response (0x13): the write request succeeded. The opcode alone.
public struct ATTWriteResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.writeResponse

    public init() {}

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), reader.isAtEnd else { return nil }
    }

    public func encode() -> [UInt8] { [Self.opcode.rawValue] }
}
