import Glibc

/// Small files read whole and files of the user's own (mode 0600, directories 0700) replaced
/// atomically: config files and calibration profiles.
public enum PrivateFile {
    /// Why `contents(of:limit:)` failed.
    public enum ReadFailure: Error, Equatable {
        case open(SystemError)
        case stat(SystemError)
        case directory
        case read(SystemError)
        /// The file is larger than the limit.
        case tooLarge
    }

    /// The whole file at `path`, which must not be larger than `limit` bytes.
    public static func contents(of path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        let fd: CInt
        do { fd = try Posix.open(path, flags: O_RDONLY | O_CLOEXEC) } catch { throw .open(error) }
        defer { try? Posix.close(fd) }
        let status: stat
        do { status = try Posix.descriptorStatus(fd, path: path) } catch { throw .stat(error) }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw .directory }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let result = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in try Posix.read(fd, into: raw) }
            }
            let n: Int
            switch result {
            case .success(let count): n = count
            case .failure(let error): throw .read(error)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            guard bytes.count <= limit else { throw .tooLarge }
        }
        return bytes
    }

    /// A failed step of `replace`: the file it was about and the system call's error.
    public struct WriteFailure: Error, Equatable {
        public var path: String
        public var cause: SystemError
    }

    /// Writes `bytes` to `temporary` (created mode 0600, never through a symbolic link), flushes it
    /// to the disk and renames it over `path`, so a reader sees the old file or the new one, never
    /// half of one. The temporary file is removed when a step fails.
    public static func replace(_ path: String, through temporary: String, with bytes: [UInt8]) throws(WriteFailure) {
        let fd: CInt
        do {
            fd = try Posix.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode: 0o600)
        } catch { throw WriteFailure(path: temporary, cause: error) }
        do {
            // O_CREAT's mode is masked by the umask; state it outright.
            _ = try Posix.restarting("fchmod", path: temporary) { fchmod(fd, 0o600) }
            try StandardStreams.writeAll(bytes, to: fd)
            _ = try Posix.restarting("fsync", path: temporary) { fsync(fd) }
        } catch {
            try? Posix.close(fd)
            unlink(temporary)
            throw WriteFailure(path: temporary, cause: error)
        }
        try? Posix.close(fd)
        do { _ = try Posix.restarting("rename", path: path) { rename(temporary, path) } } catch {
            unlink(temporary)
            throw WriteFailure(path: path, cause: error)
        }
    }

    /// Makes the directory `path` (mode 0700) unless it exists, and narrows it to 0700 either way.
    public static func makePrivateDirectory(_ path: String) throws(SystemError) {
        do { _ = try Posix.restarting("mkdir", path: path) { mkdir(path, 0o700) } } catch where error.code == EEXIST {}
        _ = try Posix.restarting("chmod", path: path) { chmod(path, 0o700) }
    }

    /// Whether anything exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// This process's id, for names of temporary files.
    public static var processID: Int32 { getpid() }
}

extension PrivateFile.ReadFailure {
    /// The end of a line that names the file first (`--rules FILE: is a directory`); `limit` is
    /// the size limit as the user reads it ("1 MiB").
    public func problem(limit: String) -> String {
        switch self {
        case .open(let e): "cannot open it: \(e.message)"
        case .stat(let e), .read(let e): "cannot read it: \(e.message)"
        case .directory: "is a directory"
        case .tooLarge: "larger than \(limit); is this the right file?"
        }
    }
}
