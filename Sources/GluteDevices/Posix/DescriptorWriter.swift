import Glibc
import GluteWire

/// Writes every byte to a non-blocking descriptor, waiting in `poll(2)` for `POLLOUT` whenever the
/// kernel buffer is full.
enum DescriptorWriter {
    /// - Parameters:
    ///   - timeout: longest wait, in seconds, for the descriptor to accept any byte; nil waits as
    ///     long as it takes.
    ///   - wakeUp: when signalled, the wait ends with `WriteError.interrupted`.
    static func writeAll(
        _ bytes: UnsafeRawBufferPointer, to descriptor: CInt, timeout: Double?, interruptedBy wakeUp: WakeUp?
    ) throws(WriteError) {
        var written = 0
        while written < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[written...])
            do {
                written += try Posix.write(descriptor, from: rest)
                continue
            } catch where error.code == EAGAIN || error.code == EWOULDBLOCK {
                // Full: wait below.
            } catch {
                throw .failed(written: written, error)
            }
            try waitUntilWritable(descriptor, written: written, pending: bytes.count - written,
                                  timeout: timeout, wakeUp: wakeUp)
        }
    }

    private static func waitUntilWritable(
        _ descriptor: CInt, written: Int, pending: Int, timeout: Double?, wakeUp: WakeUp?
    ) throws(WriteError) {
        var entries = [pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)]
        if let wakeUp { entries.append(pollfd(fd: wakeUp.pollDescriptor, events: Int16(POLLIN), revents: 0)) }
        let deadline = timeout.map { HostClock.now().monotonic + $0 }
        while true {
            var milliseconds: CInt = -1
            if let deadline {
                let left = deadline - HostClock.now().monotonic
                if left <= 0 { throw .stalled(written: written, pending: pending, timeout: timeout ?? 0) }
                milliseconds = CInt(saturating: left * 1000, rounding: .up)
            }
            let ready: Int
            do { ready = try Posix.poll(&entries, timeoutMilliseconds: milliseconds) } catch {
                throw .failed(written: written, error)
            }
            if ready == 0 { continue }  // the deadline check above reports the stall
            if entries.count > 1, entries[1].revents != 0 {
                throw .interrupted(written: written, pending: pending)
            }
            let events = entries[0].revents
            if events & Int16(POLLOUT) != 0 { return }
            if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // Not writable and never will be: without this the caller would spin on EAGAIN.
                throw .failed(written: written, SystemError(code: events & Int16(POLLNVAL) != 0 ? EBADF : EPIPE,
                                                            call: "poll(POLLOUT)"))
            }
        }
    }
}
