/// What an `HCIScanner` talks to: the raw HCI channel of an adapter, or, for tests, a fake
/// controller on a `SOCK_SEQPACKET` unix socket. One packet per datagram, the HCI packet type
/// byte first (0x01 command out, 0x04 event in).
public protocol HCIScannerTransport: AnyObject, Sendable {
    /// Sends one packet.
    func send(_ packet: [UInt8]) throws(HCIScannerError)
    /// Waits at most `timeout` seconds (nil: no limit) for the next packet, or until a descriptor
    /// in `interrupts` is readable.
    func receive(timeout: Double?, interrupts: [Int32]) throws(HCIScannerError) -> HCIScannerReceipt
    /// Closes the transport; later calls do nothing.
    func close()
}

/// What one wait on an `HCIScannerTransport` gave.
public enum HCIScannerReceipt: Sendable, Equatable {
    case packet([UInt8])
    case timedOut
    case interrupted
}
