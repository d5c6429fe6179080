
/// Why the GATT server simulator could not listen at its path.
public enum GATTServerRunnerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Something other than a socket is there; it is never replaced.
    case notASocket(path: String)
    /// A live server already listens there.
    case inUse(path: String)
    /// Longer than a unix socket address holds (107 bytes on Linux).
    case pathTooLong(path: String)
    /// The speed must be a positive, finite factor.
    case invalidSpeed(Double)
    case system(SystemError)

    public var description: String {
        switch self {
        case .notASocket(let path): return "\(path) exists and is not a socket; not replacing it"
        case .inUse(let path): return "\(path): another server is listening there"
        case .pathTooLong(let path): return "\(path): too long for a unix socket address"
        case .invalidSpeed(let speed): return "speed \(speed) is not a positive factor"
        case .system(let error): return error.description
        }
    }
}
