import Glibc

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
            let status: stat
            do { status = try Posix.fileStatus(path) } catch { throw InputError("\(path): \(error.message)", cause: error) }
            guard (status.st_mode & S_IFMT) != S_IFDIR else { throw InputError("\(path): is a directory") }
            do { fd = try Posix.open(path, flags: O_RDONLY | O_CLOEXEC) } catch {
                throw InputError("\(path): cannot open: \(error.message)", cause: error)
            }
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next chunk, or nil at the end.
    public mutating func next() throws(InputError) -> ArraySlice<UInt8>? {
        let fd = fd, path = path
        let n: Int
        let result = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(SystemError) -> Int in try Posix.read(fd, into: raw) }
        }
        switch result {
        case .success(let count): n = count
        case .failure(let error): throw InputError("\(path): read failed: \(error.message)", cause: error)
        }
        return n == 0 ? nil : buffer[0..<n]
    }

    public func close() {
        if fd > 0 { try? Posix.close(fd) }
    }

    /// The whole file at once (capture files are parsed whole; they are a few MB per hour).
    public static func readAll(_ path: String) throws(InputError) -> [UInt8] {
        var reader = try ChunkedFileReader(path: path)
        defer { reader.close() }
        var all: [UInt8] = []
        while let chunk = try reader.next() { all.append(contentsOf: chunk) }
        return all
    }

    /// The file's modification time (seconds since the epoch) and size, or nil when it cannot be
    /// read (or `path` is `-`).
    public static func status(_ path: String) -> (modified: Double, size: Int)? {
        guard path != "-", let status = try? Posix.fileStatus(path) else { return nil }
        return (Double(status.st_mtim.tv_sec), Int(status.st_size))
    }
}
