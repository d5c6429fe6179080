/// Write Command (0x52): write a value, no response.
/// The value takes the rest of the PDU; it may be empty, and its length is bounded only by the MTU.
public struct ATTWriteCommand: ATTHandleValueLayout {
    public static let opcode = ATTOpcode.writeCommand
    public var handle: UInt16
    public var value: [UInt8]

    public init(handle: UInt16, value: [UInt8]) {
        self.handle = handle
        self.value = value
    }
}
