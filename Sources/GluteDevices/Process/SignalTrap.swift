import Glibc
import GluteWire
import Synchronization

// The signal handler can reach only globals; an atomic descriptor is async-signal-safe to read.
private let trapWriteDescriptor = Atomic<Int32>(-1)
private let lastCaughtSignal = Atomic<Int32>(0)

/// Turns SIGINT and SIGTERM into a readable descriptor, so that a thread blocked in poll(2) wakes
/// up and shuts down cleanly (flushing logs, restoring the terminal) instead of dying mid-write.
public final class SignalTrap: Sendable {
    public let pollDescriptor: Int32

    /// Installs the trap for `signals` (once per process; later calls return the same trap).
    public static func install(_ signals: [Int32] = [SIGINT, SIGTERM]) -> SignalTrap? {
        shared.withLock { existing in
            if let existing { return existing }
            var fds: [Int32] = [0, 0]
            // Glibc's module lacks pipe2; set the flags right after, before any thread can fork.
            guard pipe(&fds) == 0 else { return nil }
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            trapWriteDescriptor.store(fds[1], ordering: .sequentiallyConsistent)
            for signal in signals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { number in
                    lastCaughtSignal.store(number, ordering: .sequentiallyConsistent)
                    var byte: UInt8 = 1
                    _ = Glibc.write(trapWriteDescriptor.load(ordering: .sequentiallyConsistent), &byte, 1)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                sigaction(signal, &action, nil)
            }
            // A parent may have spawned us with these signals blocked (Foundation's Process does);
            // a trap on a blocked signal would never fire.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            for signal in signals { sigaddset(&unblock, signal) }
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            let trap = SignalTrap(pollDescriptor: fds[0])
            existing = trap
            return trap
        }
    }

    private static let shared = Mutex<SignalTrap?>(nil)

    private init(pollDescriptor: Int32) {
        self.pollDescriptor = pollDescriptor
    }

    /// The signal that fired, if one did.
    public var caught: Int32? {
        let s = lastCaughtSignal.load(ordering: .sequentiallyConsistent)
        return s == 0 ? nil : s
    }
}

/// Blocks until one of `descriptors` is readable or `timeout` seconds pass (nil: no limit).
/// Returns the readable descriptor, or nil on timeout. This is the only way sessions wait: no
/// sleeping loops.
public func waitReadable(_ descriptors: [Int32], timeout: Double?) -> Int32? {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let milliseconds: Int32 = timeout.map { Int32(saturating: max(0, min($0 * 1000, 86_400_000)), rounding: .up) } ?? -1
    guard let n = try? Posix.poll(&entries, timeoutMilliseconds: milliseconds), n > 0 else { return nil }
    return entries.first { $0.revents != 0 }?.fd
}
