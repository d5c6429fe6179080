/// Handle Value Indication (0x1D): a value pushed by the server; the client must confirm it.
/// The value takes the rest of the PDU; it may be empty, and its length is bounded only by the MTU.
public struct ATTHandleValueIndication: ATTHandleValueLayout {
    public static let opcode = ATTOpcode.handleValueIndication
    public var handle: UInt16
    public var value: [UInt8]

    public init(handle: UInt16, value: [UInt8]) {
        self.handle = handle
        self.value = value
    }
}
