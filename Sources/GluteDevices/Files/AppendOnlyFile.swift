#if canImport(Glibc)
import Glibc
#endif

/// A file we only ever append to, created owner-only (0600: recordings and event logs are health
/// data). Every `append` goes straight to the kernel with write(2), so a process killed with
/// SIGKILL loses nothing already appended; `sync()` makes it durable across a power cut.
public final class AppendOnlyFile {
    public let path: String
    private var fd: Int32

    public enum Mode: Sendable {
        /// Fail if the file exists: never overwrite a recording.
        case createNew
        /// Append to the file, creating it if needed (event logs).
        case append
    }

    public init(path: String, mode: Mode) throws(FileError) {
        self.path = path
        var flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC
        if mode == .createNew { flags |= O_EXCL }
        let fd = Glibc.open(path, flags, 0o600)
        guard fd >= 0 else { throw FileError(path: path, operation: "open", errno: Glibc.errno) }
        // An existing event log keeps its content but not a looser mode than ours.
        if fchmod(fd, 0o600) != 0 {
            let e = Glibc.errno
            Glibc.close(fd)
            throw FileError(path: path, operation: "chmod", errno: e)
        }
        self.fd = fd
    }

    /// Is the file empty (a new file, which needs a header)?
    public var isEmpty: Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && st.st_size == 0
    }

    public func append(_ bytes: [UInt8]) throws(FileError) {
        guard fd >= 0 else { throw FileError(path: path, operation: "write", errno: EBADF) }
        do { try StandardStreams.writeAll(bytes, to: fd) } catch {
            throw FileError(path: path, operation: "write", errno: error.code)
        }
    }

    public func append(_ text: String) throws(FileError) {
        try append(Array(text.utf8))
    }

    public func sync() throws(FileError) {
        guard fd >= 0 else { return }
        if fdatasync(fd) != 0 { throw FileError(path: path, operation: "fsync", errno: Glibc.errno) }
    }

    public func close() throws(FileError) {
        guard fd >= 0 else { return }
        let result = fdatasync(fd)
        let syncErrno = Glibc.errno
        // close is never retried: on Linux the descriptor is gone even when it reports EINTR.
        Glibc.close(fd)
        fd = -1
        if result != 0 { throw FileError(path: path, operation: "fsync", errno: syncErrno) }
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }
}
