import Glibc

/// An ATT bearer over a `SOCK_SEQPACKET` unix socket, one datagram per PDU: the test hook behind
/// `ble:ADDR?att=unix:PATH`, where a GATT server simulator (or a bridge to another Bluetooth stack)
/// listens at PATH.
public final class UnixSeqpacketBearer: ATTBearer {
    private let socket: PacketSocket

    /// Wraps an already connected `SOCK_SEQPACKET` socket, such as one end of a `socketpair`, and
    /// takes ownership of it. It is switched to non-blocking mode.
    public init(descriptor: FileDescriptor, sendTimeout: Double = 30) {
        let raw = descriptor.rawValue
        let flags = fcntl(raw, F_GETFL)
        if flags >= 0 { _ = fcntl(raw, F_SETFL, flags | O_NONBLOCK) }
        socket = PacketSocket(descriptor: descriptor, sendTimeout: sendTimeout)
    }

    /// Connects to the listening socket at `path`.
    ///
    /// - Parameter timeout: longest wait when the connect is interrupted by a signal and carries on
    ///   in the background (default 10 s); an uninterrupted unix connect completes or fails at once.
    public static func connect(path: String, timeout: Double = 10, sendTimeout: Double = 30) throws(BLEConnectError) -> UnixSeqpacketBearer {
        do {
            return UnixSeqpacketBearer(descriptor: try connectUnixSeqpacket(path: path, timeout: timeout), sendTimeout: sendTimeout)
        } catch {
            throw .unixSocketUnavailable(path: path, error)
        }
    }

    public func send(_ pdu: [UInt8]) throws(ATTBearerError) { try socket.send(pdu) }

    public func receive(timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> [UInt8]? {
        try socket.receive(timeout: timeout, interrupts: interrupts)
    }

    public var pollDescriptor: Int32 { socket.descriptor.rawValue }

    public func close() { socket.close() }
}

/// A blocking `SOCK_SEQPACKET` connection to the listener at `path`: the ATT test bearer and the
/// fake HCI controller both come this way. A unix connect completes at once or fails; only one
/// interrupted by a signal carries on in the background, for at most `timeout` seconds.
func connectUnixSeqpacket(path: String, timeout: Double) throws(SystemError) -> FileDescriptor {
    let raw = Glibc.socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
    if raw < 0 { throw SystemError(code: errno, call: "socket(AF_UNIX)") }
    let descriptor = FileDescriptor(taking: raw)
    guard let address = unixSocketAddress(path) else { throw SystemError(code: ENAMETOOLONG, call: "connect", path: path) }
    if let error = withSocketAddress(address, { Glibc.connect(raw, $0, $1) }, call: "connect") {
        var code = error.code
        if code == EINPROGRESS {
            switch awaitConnect(raw, timeout: timeout) {
            case .connected: code = 0
            case .timedOut: code = ETIMEDOUT
            case .interrupted: code = EINTR
            case .failed(let failure): code = failure.code
            }
        }
        if code != 0 { throw SystemError(code: code, call: "connect", path: path) }
    }
    return descriptor
}

/// A `sockaddr_un` for `path` as bytes (family, then the NUL-terminated path); nil when the path
/// does not fit `sun_path`.
func unixSocketAddress(_ path: String) -> [UInt8]? {
    let pathCapacity = MemoryLayout<sockaddr_un>.size - MemoryLayout<sa_family_t>.size
    let utf8 = Array(path.utf8)
    guard !utf8.isEmpty, utf8.count < pathCapacity else { return nil }
    var bytes = [UInt8](repeating: 0, count: MemoryLayout<sockaddr_un>.size)
    let family = sa_family_t(AF_UNIX)
    withUnsafeBytes(of: family) { for (index, byte) in $0.enumerated() { bytes[index] = byte } }
    for (index, byte) in utf8.enumerated() { bytes[MemoryLayout<sa_family_t>.size + index] = byte }
    return bytes
}
