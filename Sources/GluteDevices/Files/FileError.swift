#if canImport(Glibc)
import Glibc
#endif

/// A file operation that failed, with the path and the system's reason, in one line.
public struct FileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var errno: Int32

    public init(path: String, operation: String, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        let reason = String(cString: strerror(errno))
        switch errno {
        case EEXIST: return "\(path): already exists; choose another name (recordings are never overwritten)"
        case EACCES, EPERM: return "\(path): permission denied (\(operation))"
        case ENOENT: return "\(path): no such file or directory"
        case ENOSPC: return "\(path): no space left on device (\(operation))"
        default: return "\(path): \(operation) failed: \(reason)"
        }
    }
}
