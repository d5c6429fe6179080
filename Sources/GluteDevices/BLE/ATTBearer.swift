/// A transport that carries whole ATT PDUs between us and one GATT server: the L2CAP ATT fixed
/// channel of a real device (`L2CAPBearer`) or a `SOCK_SEQPACKET` unix socket (`UnixSeqpacketBearer`),
/// the test hook behind `ble:ADDR?att=unix:PATH`.
///
/// Both are packet sockets, so one `send` is one PDU and one `receive` returns exactly one PDU:
/// boundaries are the kernel's, never reassembled from a byte stream.
///
/// Peer close is reported as `ATTBearerError.closedByPeer` (thrown, never a nil): nil from
/// `receive` means only that the timeout passed.
public protocol ATTBearer: AnyObject, Sendable {
    /// Sends one PDU. Waits for buffer space when the socket is full, at most `sendTimeout` of the
    /// implementation, then throws `ATTBearerError.sendTimedOut`.
    func send(_ pdu: [UInt8]) throws(ATTBearerError)

    /// The next PDU; nil when `timeout` seconds passed without one (nil timeout waits forever).
    /// Throws `.interrupted` as soon as any descriptor in `interrupts` is readable (for example a
    /// `WakeUp`) while waiting; a PDU already queued is returned first. Throws `.closedByPeer` once
    /// the other side closed or the link dropped, after every PDU it sent before.
    func receive(timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> [UInt8]?

    /// The socket, for callers that poll it next to other descriptors; -1 once closed.
    var pollDescriptor: Int32 { get }

    /// Closes the socket; later calls do nothing.
    func close()

    /// Asks the link for the next security level up (encryption, then an authenticated key), after
    /// the server refused a request for want of it. True when the request was made and a retry may
    /// succeed; false when the bearer cannot raise it (already at the top, or no such notion).
    func raiseSecurity() -> Bool
}

extension ATTBearer {
    /// Bearers without link security (a unix socket) cannot raise it.
    public func raiseSecurity() -> Bool { false }
}

/// Why an `ATTBearer` could not send or receive.
public enum ATTBearerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer closed its end or the link was lost (orderly end, `ECONNRESET`, `ENOTCONN`, `EPIPE`).
    case closedByPeer
    /// A descriptor in `interrupts` became readable while waiting.
    case interrupted
    /// The socket accepted nothing for this many seconds.
    case sendTimedOut(seconds: Double)
    /// A received PDU was longer than the receive buffer and was cut; `size` is its real length.
    case oversizedPDU(size: Int, limit: Int)
    /// The bearer was used after `close()`.
    case closed
    /// Any other failed system call.
    case system(SystemError)

    public var description: String {
        switch self {
        case .closedByPeer: return "ATT bearer closed by the peer (link lost or server gone)"
        case .interrupted: return "ATT receive interrupted"
        case .sendTimedOut(let seconds): return "ATT send stalled: the socket took nothing for \(seconds) s"
        case .oversizedPDU(let size, let limit): return "ATT PDU of \(size) bytes exceeds the \(limit)-byte receive buffer"
        case .closed: return "ATT bearer used after close"
        case .system(let error): return "ATT bearer: \(error)"
        }
    }
}
