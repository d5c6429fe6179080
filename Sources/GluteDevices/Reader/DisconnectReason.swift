import Glibc

/// Why a `SourceReader` stopped on its own. After any of these the source is unusable: close it,
/// and reopen it to reconnect.
public enum DisconnectReason: Sendable, Equatable, CustomStringConvertible {
    /// `read` returned 0: the other side closed (a pty master closed, a device hung up).
    case endOfStream
    /// `poll` reported `POLLHUP` or `POLLERR` with nothing left to read.
    case hangUp
    /// `read` failed; `EIO` and `ENXIO` mean the device went away (unplugged, reset).
    case readFailed(SystemError)
    /// `poll` failed.
    case pollFailed(SystemError)
    /// The descriptor was closed under the reader (`POLLNVAL`): the source was closed before the
    /// reader was stopped.
    case descriptorClosed

    public var description: String {
        switch self {
        case .endOfStream: "the device closed the stream"
        case .hangUp: "the device hung up"
        case .readFailed(let error) where error.code == EIO || error.code == ENXIO:
            "the device went away (\(error))"
        case .readFailed(let error), .pollFailed(let error): "\(error)"
        case .descriptorClosed: "the descriptor was closed while being read"
        }
    }
}
