/// Handle Value Confirmation (0x1E): the client got an indication. The opcode alone.
public struct ATTHandleValueConfirmation: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.handleValueConfirmation

    public init() {}

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), reader.isAtEnd else { return nil }
    }

    public func encode() -> [UInt8] { [Self.opcode.rawValue] }
}
