import Glibc

/// Every system call GluteBridge makes goes through here (it is `package`-visible so that no other
/// module needs the C library), so that errno is read right after the
/// call, `EINTR` is handled the same way everywhere, and each failure names its call.
///
/// Interrupted calls (`EINTR`) are restarted in a loop, except `close`: Linux releases the
/// descriptor even when `close` reports `EINTR`, so a retry could close a descriptor another
/// thread has just been given.
package enum Posix {
    /// Runs `body` until it returns something other than -1 with `errno == EINTR`.
    @inline(__always)
    package static func restarting<Result: FixedWidthInteger>(
        _ call: @autoclosure () -> String, path: String? = nil, _ body: () -> Result
    ) throws(SystemError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemError(code: code, call: call(), path: path)
        }
    }

    package static func open(_ path: String, flags: CInt, mode: mode_t = 0) throws(SystemError) -> CInt {
        try restarting("open", path: path) { Glibc.open(path, flags, mode) }
    }

    /// Closes once; never retried (see the type's comment).
    package static func close(_ descriptor: CInt) throws(SystemError) {
        if Glibc.close(descriptor) == -1 {
            let code = errno
            // The descriptor is gone either way on Linux; EINTR only means a final flush was cut short.
            if code != EINTR { throw SystemError(code: code, call: "close") }
        }
    }

    /// One `read`; returns 0 at end of stream. `EAGAIN` is thrown like any other errno.
    package static func read(_ descriptor: CInt, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try restarting("read") { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
    }

    /// One `write`; returns how many bytes the kernel took.
    package static func write(_ descriptor: CInt, from buffer: UnsafeRawBufferPointer) throws(SystemError) -> Int {
        try restarting("write") { Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
    }

    /// `poll` with a timeout in milliseconds (-1: wait forever). An interrupted wait is restarted
    /// with the full timeout; callers that need a deadline recompute it from `HostClock`.
    package static func poll(_ descriptors: inout [pollfd], timeoutMilliseconds: CInt) throws(SystemError) -> Int {
        let count = nfds_t(descriptors.count)
        let ready = try descriptors.withUnsafeMutableBufferPointer { (buffer) throws(SystemError) -> CInt in
            try restarting("poll") { Glibc.poll(buffer.baseAddress, count, timeoutMilliseconds) }
        }
        return Int(ready)
    }

    /// An `ioctl` without an argument, such as `TIOCEXCL`.
    package static func ioctl(_ descriptor: CInt, _ request: UInt, name: String, path: String? = nil) throws(SystemError) {
        _ = try restarting("ioctl(\(name))", path: path) { Glibc.ioctl(descriptor, request) }
    }

    /// An `ioctl` with an integer argument, such as `TIOCGPTPEER`; returns the call's result.
    package static func ioctl(
        _ descriptor: CInt, _ request: UInt, value: CInt, name: String, path: String? = nil
    ) throws(SystemError) -> CInt {
        try restarting("ioctl(\(name))", path: path) { Glibc.ioctl(descriptor, request, value) }
    }

    /// An `ioctl` that reads or writes the memory at `argument`.
    package static func ioctl(
        _ descriptor: CInt, _ request: UInt, argument: UnsafeMutableRawPointer, name: String, path: String? = nil
    ) throws(SystemError) {
        _ = try restarting("ioctl(\(name))", path: path) { Glibc.ioctl(descriptor, request, argument) }
    }

    package static func tcgetattr(_ descriptor: CInt, path: String? = nil) throws(SystemError) -> termios {
        var settings = termios()
        _ = try restarting("tcgetattr", path: path) { Glibc.tcgetattr(descriptor, &settings) }
        return settings
    }

    /// Applies at once (`TCSANOW`): draining or flushing would block on a stalled line or discard
    /// bytes the device already sent.
    package static func tcsetattr(_ descriptor: CInt, _ settings: termios, path: String? = nil) throws(SystemError) {
        var settings = settings
        _ = try restarting("tcsetattr", path: path) { Glibc.tcsetattr(descriptor, TCSANOW, &settings) }
    }

    /// `flock(2)`. Named apart from the function because `Glibc.flock` names the record-lock struct.
    package static func lockFile(_ descriptor: CInt, _ operation: CInt, path: String? = nil) throws(SystemError) {
        _ = try restarting("flock", path: path) { flock(descriptor, operation) }
    }

    /// Whether `descriptor` is a terminal; the errno of a "no" (`ENOTTY`, `EBADF`) is thrown.
    package static func requireTerminal(_ descriptor: CInt, path: String? = nil) throws(SystemError) {
        if Glibc.isatty(descriptor) == 1 { return }
        throw SystemError(code: errno, call: "isatty", path: path)
    }

    /// A connected pair of `AF_UNIX` stream sockets, close-on-exec and non-blocking from birth.
    package static func socketPair() throws(SystemError) -> (CInt, CInt) {
        var pair: [CInt] = [-1, -1]
        let type = CInt(Glibc.SOCK_STREAM.rawValue) | CInt(Glibc.SOCK_CLOEXEC.rawValue) | CInt(Glibc.SOCK_NONBLOCK.rawValue)
        _ = try restarting("socketpair") { Glibc.socketpair(AF_UNIX, type, 0, &pair) }
        return (pair[0], pair[1])
    }

    package static func clock(_ id: clockid_t) -> Double {
        var now = timespec()
        // clock_gettime cannot fail for the clocks used here (CLOCK_MONOTONIC, CLOCK_REALTIME).
        _ = Glibc.clock_gettime(id, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
    /// `stat(2)`: what the file at `path` is.
    package static func fileStatus(_ path: String) throws(SystemError) -> stat {
        var status = stat()
        _ = try restarting("stat", path: path) { stat(path, &status) }
        return status
    }

    /// `fstat(2)`: what an open descriptor refers to.
    package static func descriptorStatus(_ descriptor: CInt, path: String? = nil) throws(SystemError) -> stat {
        var status = stat()
        _ = try restarting("fstat", path: path) { fstat(descriptor, &status) }
        return status
    }
}
