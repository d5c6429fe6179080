import Glibc

/// What is at a path, for checking the paths a user names before anything is opened.
public enum FileKind {
    /// Whether `path` is a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        guard let status = try? Posix.fileStatus(path) else { return false }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether something other than a socket is at `path` (not following a symbolic link).
    public static func isSomethingButASocket(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFSOCK
    }

    /// Whether `path` is a character device (following symbolic links): a tty, whatever its name.
    public static func isCharacterDevice(_ path: String) -> Bool {
        guard let status = try? Posix.fileStatus(path) else { return false }
        return status.st_mode & S_IFMT == S_IFCHR
    }
}
