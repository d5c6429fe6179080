import Glibc

/// A failed system call: the `errno` it left, the call's name and, when the call took one, the path.
///
/// `description` is one line a user can read, for example
/// `open /dev/ttyACM0: No such file or directory (errno 2)`.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value the call reported.
    public let code: CInt
    /// The system call (or libc function) that failed, such as `open` or `ioctl(TIOCEXCL)`.
    public let call: String
    /// The file the call was about, when there is one.
    public let path: String?

    public init(code: CInt, call: String, path: String? = nil) {
        self.code = code
        self.call = call
        self.path = path
    }

    /// The C library's text for `code` (`strerror`).
    public var message: String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// EEXIST: the file is there already (callers outside this module import no Glibc).
    public var isAlreadyExists: Bool { code == EEXIST }

    public var description: String {
        let subject = path.map { "\(call) \($0)" } ?? call
        return "\(subject): \(message) (errno \(code))"
    }
}
