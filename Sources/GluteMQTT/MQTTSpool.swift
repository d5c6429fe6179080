import Foundation

/// A first-in first-out file of messages (one per line) that could not go to the broker yet: the
/// events of a device while its broker is away, so that they survive the process ending before
/// the broker comes back. Bounded by `maxMessages` and `maxBytes`; what does not fit is refused
/// and counted. The file (mode 0600, its folder 0700) exists only while something waits in it.
/// Not thread-safe: its owner (`MQTTOutbox`) locks around it.
final class MQTTSpool {
    static let defaultMaxMessages = 100_000
    static let defaultMaxBytes = 32 << 20

    let path: String
    let maxMessages: Int
    let maxBytes: Int
    /// Messages waiting, and their bytes (newlines included).
    private(set) var count = 0
    private(set) var bytes = 0
    /// Where the first message not yet taken starts: taken ones stay in the file until it is
    /// emptied or rewritten, so a crash while sending repeats them (duplicates, never losses).
    private var readOffset: UInt64 = 0
    private var file: FileHandle?

    /// Opens what an earlier run left at `path` (nothing there: an empty spool, no file yet).
    init(path: String, maxMessages: Int = defaultMaxMessages, maxBytes: Int = defaultMaxBytes) throws(MQTTError) {
        self.path = path
        self.maxMessages = maxMessages
        self.maxBytes = maxBytes
        guard FileManager.default.fileExists(atPath: path) else { return }
        let handle = try open()
        do {
            // Count the lines once; a spool is at most maxBytes, so this is bounded.
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                count += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                bytes += chunk.count
            }
        } catch {
            throw MQTTError("mqtt: spool \(path): \(error.localizedDescription)")
        }
        // A last line without its newline is a write cut short: cut it off.
        if bytes > 0, !lastByteIsNewline(handle) {
            let kept = UInt64(bytes) - UInt64(bytesAfterLastNewline(handle))
            try? handle.truncate(atOffset: kept)
            bytes = Int(kept)
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Appends `lines` in order; returns how many fit (the rest are the caller's to count).
    func append(_ lines: [String]) throws(MQTTError) -> Int {
        var data = Data()
        var admitted = 0
        for line in lines {
            let size = line.utf8.count + 1
            guard count + admitted < maxMessages, bytes + data.count + size <= maxBytes else { break }
            data.append(contentsOf: line.utf8)
            data.append(0x0A)
            admitted += 1
        }
        guard admitted > 0 else { return 0 }
        let handle = try open()
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch {
            throw MQTTError("mqtt: spool \(path): \(error.localizedDescription)")
        }
        count += admitted
        bytes += data.count
        return admitted
    }

    /// Takes up to `max` of the oldest messages. The file is emptied once all are taken.
    func take(_ max: Int) throws(MQTTError) -> [String] {
        guard count > 0, max > 0, let handle = file else { return [] }
        var lines: [String] = []
        do {
            try handle.seek(toOffset: readOffset)
            var pending = Data()
            while lines.count < max, let chunk = try handle.read(upToCount: 1 << 14), !chunk.isEmpty {
                pending.append(chunk)
                while lines.count < max, let newline = pending.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    readOffset += UInt64(newline - pending.startIndex + 1)
                    pending = pending[(newline + 1)...]
                }
            }
        } catch {
            throw MQTTError("mqtt: spool \(path): \(error.localizedDescription)")
        }
        count -= lines.count
        bytes -= lines.reduce(0) { $0 + $1.utf8.count + 1 }
        if count == 0 { removeFile() }
        return lines
    }

    /// Rewrites the file as `front` followed by what still waits: at the end of a run, the
    /// messages sent but not acknowledged go back before the spooled ones, keeping the order.
    func persist(front: [String]) throws(MQTTError) {
        var rest: [String] = []
        if count > 0 { rest = try take(count) }
        removeFile()
        count = 0
        bytes = 0
        let all = front + rest
        guard !all.isEmpty else { return }
        // Written whole, over the bounds if need be: these were already admitted once.
        let handle = try open()
        var data = Data()
        for line in all { data.append(contentsOf: line.utf8); data.append(0x0A) }
        do { try handle.write(contentsOf: data) } catch { throw MQTTError("mqtt: spool \(path): \(error.localizedDescription)") }
        count = all.count
        bytes = data.count
    }

    func close() {
        try? file?.close()
        file = nil
    }

    private func open() throws(MQTTError) -> FileHandle {
        if let file { return file }
        let folder = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw MQTTError("mqtt: cannot create the spool folder \(folder): \(error.localizedDescription)")
        }
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw MQTTError("mqtt: cannot create the spool \(path)")
            }
        }
        // Events are private: 0600 even when an earlier file was made with looser permissions.
        try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw MQTTError("mqtt: cannot open the spool \(path)") }
        file = handle
        readOffset = 0
        return handle
    }

    private func removeFile() {
        close()
        try? FileManager.default.removeItem(atPath: path)
        readOffset = 0
    }

    private func lastByteIsNewline(_ handle: FileHandle) -> Bool {
        (try? handle.seek(toOffset: UInt64(bytes - 1))) != nil && (try? handle.read(upToCount: 1))?.first == 0x0A
    }

    private func bytesAfterLastNewline(_ handle: FileHandle) -> Int {
        let tail = min(bytes, maxBytes)
        guard (try? handle.seek(toOffset: UInt64(bytes - tail))) != nil, let data = try? handle.read(upToCount: tail) else { return 0 }
        return data.count - ((data.lastIndex(of: 0x0A) ?? (data.startIndex - 1)) - data.startIndex + 1)
    }
}
