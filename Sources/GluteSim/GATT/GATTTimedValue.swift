/// A value a simulated device pushes, stamped with the simulated time it leaves the device.
public struct GATTTimedValue: Sendable, Equatable {
    public var time: Double
    public var value: [UInt8]

    public init(time: Double, value: [UInt8]) {
        self.time = time
        self.value = value
    }
}

/// What a notification source needs to know about the link when a sample arrives.
public struct GATTLinkState: Sendable, Equatable {
    /// The effective ATT MTU; a notification value holds at most `mtu - 3` bytes.
    public var mtu: Int
    /// Whether the client has enabled the data characteristic's notifications. Firmware streams
    /// only then: samples taken meanwhile are dropped, not queued.
    public var subscribed: Bool

    public init(mtu: Int, subscribed: Bool) {
        self.mtu = mtu
        self.subscribed = subscribed
    }

    /// The longest notification value.
    public var payloadLimit: Int { mtu - 3 }
}
