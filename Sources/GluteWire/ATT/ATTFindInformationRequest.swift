/// Find Information Request (0x04): list the handles and types of attributes in a handle range.
/// Only the layout is checked; a range with start 0 or start > end is the server's to refuse.
public struct ATTFindInformationRequest: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.findInformationRequest
    public var startHandle: UInt16
    public var endHandle: UInt16

    public init(startHandle: UInt16, endHandle: UInt16) {
        self.startHandle = startHandle
        self.endHandle = endHandle
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let start = reader.u16(), let end = reader.u16(),
              reader.isAtEnd else { return nil }
        self.init(startHandle: start, endHandle: end)
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue]
        out.appendLittleEndian(startHandle)
        out.appendLittleEndian(endHandle)
        return out
    }
}
