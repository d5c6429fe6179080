/// Error Response (0x01): the request opcode that failed, the handle in question and why.
public struct ATTErrorResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.errorResponse
    /// Raw, since a peer may report on an opcode this layer does not model.
    public var requestOpcode: UInt8
    public var handle: UInt16
    public var error: ATTErrorCode

    public init(requestOpcode: UInt8, handle: UInt16, error: ATTErrorCode) {
        self.requestOpcode = requestOpcode
        self.handle = handle
        self.error = error
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let request = reader.u8(), let handle = reader.u16(),
              let code = reader.u8(), reader.isAtEnd else { return nil }
        self.init(requestOpcode: request, handle: handle, error: ATTErrorCode(rawValue: code))
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue, requestOpcode]
        out.appendLittleEndian(handle)
        out.append(error.rawValue)
        return out
    }
}
