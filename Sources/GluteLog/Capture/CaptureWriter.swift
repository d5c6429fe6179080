import GluteDevices

/// Writes a capture file as a session goes: header first, then each record the moment it
/// arrives, made durable at least once a second of host time.
public final class CaptureWriter {
    public static let syncInterval = 1.0

    private let file: AppendOnlyFile
    private var lastSync: Double?
    public private(set) var recordsWritten = 0
    public private(set) var bytesWritten = 0

    public var path: String { file.path }

    public init(path: String, header: CaptureHeader) throws(FileError) {
        file = try AppendOnlyFile(path: path, mode: .createNew)
        let bytes = header.encoded()
        try file.append(bytes)
        try file.sync()
        bytesWritten = bytes.count
    }

    public func append(_ record: CaptureRecord) throws(FileError) {
        let bytes = record.encoded()
        try file.append(bytes)
        recordsWritten += 1
        bytesWritten += bytes.count
        if let last = lastSync, record.monotonic - last < CaptureWriter.syncInterval { return }
        try file.sync()
        lastSync = record.monotonic
    }

    public func close() throws(FileError) {
        try file.close()
    }
}
