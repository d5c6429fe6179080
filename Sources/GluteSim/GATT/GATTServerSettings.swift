import GluteWire

/// How a simulated GATT server negotiates and queues.
public struct GATTServerSettings: Sendable, Equatable {
    /// The largest ATT PDU the server can receive, offered in the Exchange MTU response. The
    /// effective MTU is the smaller of this and the client's. Default 247, the MTU the native
    /// profile asks for; clamped to 23...517.
    public var serverMTU: Int = NativeGATT.preferredMTU
    /// Values waiting while an indication is unconfirmed; the oldest go first when full. Default 16.
    public var indicationQueueLimit: Int = 16

    public init() {}
}
