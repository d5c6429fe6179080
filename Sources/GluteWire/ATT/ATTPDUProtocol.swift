/// What every modelled ATT PDU offers: its opcode, a decoder that takes the whole PDU (opcode byte
/// included) and returns nil when it is malformed, and the matching encoder.
public protocol ATTProtocolDataUnit: Sendable, Equatable {
    static var opcode: ATTOpcode { get }
    /// Decodes a whole PDU, opcode byte first; nil if the opcode differs or the layout is violated.
    init?(bytes: ArraySlice<UInt8>)
    /// The PDU's bytes, opcode first.
    func encode() -> [UInt8]
}

extension ATTProtocolDataUnit {
    /// Decodes a whole PDU from an array.
    public init?(bytes: [UInt8]) { self.init(bytes: bytes[...]) }
}
