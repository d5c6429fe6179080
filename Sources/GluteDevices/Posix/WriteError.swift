/// Why not every byte of a write reached the descriptor. Each case says how many did, so nothing
/// is dropped without the caller knowing.
public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No byte was accepted for `timeout` seconds: nobody is draining the other side.
    case stalled(written: Int, pending: Int, timeout: Double)
    /// The `WakeUp` given to the write was signalled before every byte went out.
    case interrupted(written: Int, pending: Int)
    /// The descriptor failed.
    case failed(written: Int, SystemError)

    /// Bytes that were written before the write stopped.
    public var written: Int {
        switch self {
        case .stalled(let written, _, _), .interrupted(let written, _), .failed(let written, _): written
        }
    }

    public var description: String {
        switch self {
        case .stalled(let written, let pending, let timeout):
            "write stalled: \(pending) bytes not accepted within \(timeout) s after \(written) were "
                + "(is anything reading the other side?)"
        case .interrupted(let written, let pending):
            "write interrupted after \(written) bytes with \(pending) pending"
        case .failed(let written, let error):
            "write failed after \(written) bytes: \(error)"
        }
    }
}
