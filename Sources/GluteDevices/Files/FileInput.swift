import Glibc
import GluteLog

/// A file (or standard input) read in chunks, without holding it all in memory.
public struct ChunkedFileReader {
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8]

    /// `-` reads standard input.
    public init(path: String, chunkSize: Int = 65536) throws(InputError) {
        self.path = path
        if path == "-" {
            fd = 0
        } else {
            var st = stat()
            guard stat(path, &st) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
            guard (st.st_mode & S_IFMT) != S_IFDIR else { throw InputError("\(path): is a directory") }
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError("\(path): cannot open: \(String(cString: strerror(errno)))") }
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next chunk, or nil at the end.
    public mutating func next() throws(InputError) -> ArraySlice<UInt8>? {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): read failed: \(String(cString: strerror(errno)))")
            }
            return n == 0 ? nil : buffer[0..<n]
        }
    }

    public func close() {
        if fd > 0 { Glibc.close(fd) }
    }

    /// The whole file at once (capture files are parsed whole; they are a few MB per hour).
    public static func readAll(_ path: String) throws(InputError) -> [UInt8] {
        var reader = try ChunkedFileReader(path: path)
        defer { reader.close() }
        var all: [UInt8] = []
        while let chunk = try reader.next() { all.append(contentsOf: chunk) }
        return all
    }
}
