import Glibc

/// Finds a command the way execvp does: a name with a `/` is used as given; otherwise the first
/// executable regular file of that name in the PATH directories (an empty entry is the current
/// directory).
public enum ExecutableSearch {
    /// execvp's fallback when PATH is unset.
    public static let defaultPath = "/bin:/usr/bin"

    public static func find(_ name: String, path: String?) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return name }
        for directory in (path ?? defaultPath).split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Where `name` would be run from with this process's PATH, if it is there and executable
    /// (a name with a slash is used as given and must be executable itself).
    public static func executable(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) }
        guard let found = find(name, path: path), access(found, X_OK) == 0 else { return nil }
        return found
    }

    /// PATH from `NAME=value` strings.
    package static func path(in environment: [String]) -> String? {
        environment.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
    }
}
