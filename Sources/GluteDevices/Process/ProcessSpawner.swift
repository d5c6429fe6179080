import Glibc

/// Starts a program without a shell: posix_spawn with a clean signal state, its own process group
/// (so that a timeout can kill whatever it started), standard input from a byte string or
/// /dev/null, standard output onto our standard error (never into an event stream on our standard
/// output), and no other inherited descriptors where the C library can close them.
package enum ProcessSpawner {
    /// Why a program did not start.
    package struct Failure: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
        init(errno code: Int32) { reason = String(cString: strerror(code)) }
    }

    /// glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not
    /// export; looked up once. The address is kept as an integer to stay Sendable.
    private static let addCloseFromAddress: UInt? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return UInt(bitPattern: symbol)
    }()
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Spawns `path` with `argv` and `environment` (`NAME=value`); `input`, if given, is what the
    /// program reads on standard input before end of file. Returns the child's pid.
    package static func spawn(path: String, argv: [String], environment: [String], input: [UInt8]?) -> Result<pid_t, Failure> {
        var stdinDescriptor: Int32 = -1
        if let input {
            switch pipeHolding(input) {
            case .success(let fd): stdinDescriptor = fd
            case .failure(let failure): return .failure(failure)
            }
        }
        defer { if stdinDescriptor >= 0 { close(stdinDescriptor) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdinDescriptor >= 0 {
            posix_spawn_file_actions_adddup2(&actions, stdinDescriptor, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        if let address = addCloseFromAddress, let symbol = UnsafeMutableRawPointer(bitPattern: address) {
            _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argvC = argv.map { strdup($0) } + [nil]
        let envC = environment.map { strdup($0) } + [nil]
        defer {
            argvC.forEach { free($0) }
            envC.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argvC, envC)
        return code == 0 ? .success(pid) : .failure(Failure(errno: code))
    }

    /// A pipe's read end with `bytes` already written and the write end closed, so the child reads
    /// them and then end of file, and we never block on (or get SIGPIPE from) a child that does not
    /// read. The read end is at 3 or above so that the dup2 onto 0 cannot clobber it.
    private static func pipeHolding(_ bytes: [UInt8]) -> Result<Int32, Failure> {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failure(Failure(errno: errno)) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                close(fds[0])
                close(fds[1])
                return .failure(code == EAGAIN ? Failure("the event line does not fit in a pipe") : Failure(errno: code))
            }
            written += n
        }
        close(fds[1])
        var readEnd = fds[0]
        if readEnd <= 2 {
            let moved = fcntl(readEnd, F_DUPFD_CLOEXEC, 3)
            close(readEnd)
            guard moved >= 0 else { return .failure(Failure(errno: errno)) }
            readEnd = moved
        }
        return .success(readEnd)
    }
}
