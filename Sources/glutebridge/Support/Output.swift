import Glibc

/// Standard output and error, line by line and unbuffered where it matters: lines reach a pipe
/// as they are produced (a script reading our JSONL must not wait for a buffer to fill).
enum Output {
    static func line(_ text: String) {
        write(1, text + "\n")
    }

    static func error(_ text: String) {
        write(2, text + "\n")
    }

    static func raw(_ bytes: [UInt8], to fd: Int32 = 1) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    private static func write(_ fd: Int32, _ text: String) {
        _ = raw(Array(text.utf8), to: fd)
    }
}

/// A failure the user can act on: one line, non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
