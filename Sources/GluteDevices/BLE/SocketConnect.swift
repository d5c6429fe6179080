import Glibc
import GluteWire

/// Calls `body` with `bytes` as a `sockaddr`; returns the error when it answered -1.
func withSocketAddress(
    _ bytes: [UInt8], _ body: (UnsafePointer<sockaddr>, socklen_t) -> CInt, call: String
) -> SystemError? {
    while true {
        let result = bytes.withUnsafeBytes { buffer in
            body(buffer.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(buffer.count))
        }
        if result == 0 { return nil }
        let code = errno
        // A connect interrupted by a signal carries on in the background; the caller polls for it.
        if code == EINTR {
            if call == "connect" { return SystemError(code: EINPROGRESS, call: call) }
            continue
        }
        return SystemError(code: code, call: call)
    }
}

/// How a connect in progress ended.
enum ConnectOutcome: Equatable {
    case connected
    case timedOut
    /// A descriptor in `interrupts` became readable first (Ctrl-C while a device is out of reach).
    case interrupted
    case failed(SystemError)
}

/// Waits up to `timeout` seconds for a connect in progress on `raw` to finish, then reads its
/// outcome from `SO_ERROR`; gives up at once when a descriptor in `interrupts` is readable.
func awaitConnect(_ raw: CInt, timeout: Double, interrupts: [Int32] = []) -> ConnectOutcome {
    let deadline = HostClock.now().monotonic + timeout
    var entries = [pollfd(fd: raw, events: Int16(POLLOUT), revents: 0)]
        + interrupts.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    while true {
        let left = deadline - HostClock.now().monotonic
        if left <= 0 { return .timedOut }
        do {
            let milliseconds = CInt(saturating: left * 1000, rounding: .up)
            if try Posix.poll(&entries, timeoutMilliseconds: milliseconds) > 0 {
                if entries.dropFirst().contains(where: { $0.revents != 0 }) { return .interrupted }
                break
            }
        } catch { return .failed(error) }
    }
    var pending: CInt = 0
    var length = socklen_t(MemoryLayout<CInt>.size)
    if Glibc.getsockopt(raw, SOL_SOCKET, SO_ERROR, &pending, &length) != 0 {
        return .failed(SystemError(code: errno, call: "getsockopt(SO_ERROR)"))
    }
    return pending == 0 ? .connected : .failed(SystemError(code: pending, call: "connect"))
}
