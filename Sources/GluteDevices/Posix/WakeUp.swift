import Glibc

/// A descriptor that becomes readable when `signal()` is called, so that a thread blocked in
/// `poll(2)` on it (next to its real descriptor) can be woken without timeouts or signals.
///
/// Built on an `AF_UNIX` socket pair rather than `eventfd`, which Swift's Glibc module does not
/// expose; both ends are close-on-exec and non-blocking from creation. Once signalled it stays
/// readable until `reset()`.
public final class WakeUp: Sendable {
    private let readEnd: FileDescriptor
    private let writeEnd: FileDescriptor

    public init() throws(SystemError) {
        let (reader, writer) = try Posix.socketPair()
        readEnd = FileDescriptor(taking: reader)
        writeEnd = FileDescriptor(taking: writer)
    }

    /// The descriptor to poll for `POLLIN`.
    public var pollDescriptor: CInt { readEnd.rawValue }

    /// Makes `pollDescriptor` readable. Safe from any thread, any number of times.
    public func signal() {
        var byte: UInt8 = 1
        // A full socket buffer (EAGAIN) means earlier signals are still pending: already awake.
        _ = try? withUnsafeBytes(of: &byte) { (buffer) throws(SystemError) -> Int in
            try Posix.write(writeEnd.rawValue, from: buffer)
        }
    }

    /// Whether a signal is pending, without consuming it.
    public var isSignalled: Bool {
        var entries = [pollfd(fd: pollDescriptor, events: Int16(POLLIN), revents: 0)]
        return ((try? Posix.poll(&entries, timeoutMilliseconds: 0)) ?? 0) > 0
    }

    /// Consumes every pending signal.
    public func reset() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while true {
            let count = scratch.withUnsafeMutableBytes { buffer in
                (try? Posix.read(readEnd.rawValue, into: buffer)) ?? 0
            }
            if count <= 0 { return }
        }
    }
}
