/// Handle Value Notification (0x1B): a value pushed by the server, unconfirmed.
/// The value takes the rest of the PDU; it may be empty, and its length is bounded only by the MTU.
public struct ATTHandleValueNotification: ATTHandleValueLayout {
    public static let opcode = ATTOpcode.handleValueNotification
    public var handle: UInt16
    public var value: [UInt8]

    public init(handle: UInt16, value: [UInt8]) {
        self.handle = handle
        self.value = value
    }
}
