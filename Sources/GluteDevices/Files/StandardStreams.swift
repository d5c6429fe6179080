import Glibc

/// The process's standard output and error, and the files the CLI streams bytes into: whole
/// writes (interrupted calls restarted), terminal checks, the `NO_COLOR` convention.
public enum StandardStreams {
    public static let output: CInt = 1
    public static let error: CInt = 2

    /// Whether `descriptor` is a terminal.
    public static func isTerminal(_ descriptor: CInt) -> Bool { isatty(descriptor) == 1 }

    /// Colour on `descriptor`: a terminal, and `NO_COLOR` unset or empty (no-color.org).
    public static func allowsColour(_ descriptor: CInt) -> Bool {
        isTerminal(descriptor) && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }

    /// Whether `descriptor` has something to read right now (or is at its end).
    public static func isReadable(_ descriptor: CInt) -> Bool {
        var entries = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        return ((try? Posix.poll(&entries, timeoutMilliseconds: 0)) ?? 0) > 0
    }

    /// Writes every byte of `bytes` to `descriptor`.
    public static func writeAll(_ bytes: [UInt8], to descriptor: CInt) throws(SystemError) {
        try writeAll(bytes[...], to: descriptor)
    }

    /// Writes every byte of `bytes` to `descriptor`, without copying the slice.
    public static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: CInt) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Result { () throws(SystemError) -> Int in
                    try Posix.write(descriptor, from: UnsafeRawBufferPointer(rebasing: raw[offset...]))
                }
            }
            switch result {
            case .success(let n): offset += n
            case .failure(let error): throw error
            }
        }
    }

    /// Opens `path` for writing a new stream: creates it readable by the user alone (0600), or
    /// takes an existing empty file, a device or a FIFO (`/dev/null`, a pipe). A regular file with
    /// content is refused with EEXIST and left untouched: a mistyped `-o` must not wipe a
    /// recording.
    public static func create(_ path: String) throws(SystemError) -> CInt {
        do {
            return try Posix.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
        } catch where error.code == EEXIST {}
        let fd = try Posix.open(path, flags: O_WRONLY | O_CLOEXEC)
        let status: stat
        do { status = try Posix.descriptorStatus(fd, path: path) } catch {
            try? Posix.close(fd)
            throw error
        }
        if (status.st_mode & S_IFMT) == S_IFREG && status.st_size > 0 {
            try? Posix.close(fd)
            throw SystemError(code: EEXIST, call: "open", path: path)
        }
        return fd
    }

    /// Closes a descriptor from `create`.
    public static func close(_ descriptor: CInt) { try? Posix.close(descriptor) }
}
