/// What one incoming PDU made the server do.
public struct GATTServerReply: Sendable, Equatable {
    /// A value a client stored, by request or command, already in the database.
    public struct Write: Sendable, Equatable {
        public let handle: UInt16
        public let value: [UInt8]
    }

    /// PDUs to send back, in order (at most one response, then perhaps a released indication).
    public var pdus: [[UInt8]] = []
    /// Values written, for the device behind the server to act on.
    public var writes: [Write] = []

    public init() {}
}
