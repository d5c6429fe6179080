import Glibc

/// Why a `SeqpacketListener` could not listen.
public enum SeqpacketListenerError: Error, Sendable, Equatable {
    /// Something other than a socket is there; it is never replaced.
    case notASocket(path: String)
    /// A live server already listens there.
    case inUse(path: String)
    /// Longer than a unix socket address holds (107 bytes on Linux).
    case pathTooLong(path: String)
    case system(SystemError)
}

/// A listening `SOCK_SEQPACKET` unix socket at a path, created 0600 (owner only), which refuses to
/// replace anything but a stale socket, and removes its file on close: where a simulated (or
/// bridged) GATT server waits for `ble:ADDR?att=unix:PATH`.
public final class SeqpacketListener: Sendable {
    public let path: String
    public let descriptor: FileDescriptor

    public init(path: String) throws(SeqpacketListenerError) {
        guard let address = unixSocketAddress(path), !path.utf8.contains(0) else { throw .pathTooLong(path: path) }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
            if Self.someoneListens(address) { throw .inUse(path: path) }
            // A socket file nobody listens on is what a crashed server leaves behind.
            if unlink(path) != 0 && errno != ENOENT { throw .system(SystemError(code: errno, call: "unlink", path: path)) }
        }
        let type = CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue) | CInt(SOCK_NONBLOCK.rawValue)
        let raw = socket(AF_UNIX, type, 0)
        guard raw >= 0 else { throw .system(SystemError(code: errno, call: "socket(AF_UNIX, SOCK_SEQPACKET)")) }
        descriptor = FileDescriptor(taking: raw)
        self.path = path
        let bound = address.withUnsafeBytes { buffer in
            bind(raw, buffer.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(buffer.count))
        }
        guard bound == 0 else { throw .system(SystemError(code: errno, call: "bind", path: path)) }
        // Before listen() no one can connect, so tightening the mode here leaves no window.
        guard chmod(path, 0o600) == 0 else {
            let error = SystemError(code: errno, call: "chmod", path: path)
            unlink(path)
            throw .system(error)
        }
        guard listen(raw, 4) == 0 else {
            let error = SystemError(code: errno, call: "listen", path: path)
            unlink(path)
            throw .system(error)
        }
    }

    /// The next waiting connection, or nil when none is queued.
    public func accept() -> FileDescriptor? {
        while true {
            // accept4 is not in Swift's Glibc module; close-on-exec follows at once (no exec
            // happens on this thread in between).
            let raw = Glibc.accept(descriptor.rawValue, nil, nil)
            if raw >= 0 {
                _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
                return FileDescriptor(taking: raw)
            }
            if errno == EINTR { continue }
            return nil
        }
    }

    /// Closes the socket and removes its file (only if it is still a socket).
    public func close() {
        try? descriptor.close()
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK { unlink(path) }
    }

    private static func someoneListens(_ address: [UInt8]) -> Bool {
        let raw = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard raw >= 0 else { return false }
        defer { Glibc.close(raw) }
        return address.withUnsafeBytes { buffer in
            connect(raw, buffer.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(buffer.count))
        } == 0
    }
}
