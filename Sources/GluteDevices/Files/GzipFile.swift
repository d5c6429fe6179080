import Foundation

/// A gzip-compressed input (the mobgap recordings) made readable by the plain-file readers: the
/// system's gzip writes it out to a private temporary file, which the caller removes.
public enum GzipFile {
    /// The path of a temporary copy of `path` decompressed (mode 0600 in the temporary folder).
    public static func decompressedCopy(of path: String) throws(InputError) -> String {
        let name = "glutebridge-gunzip-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).csv"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: out.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = try? FileHandle(forWritingTo: out) else {
            throw InputError("\(out.path): cannot create a temporary file to decompress \(path) into")
        }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        process.standardOutput = handle
        do { try process.run() } catch {
            remove(out.path)
            throw InputError("\(path): cannot run gzip to read it (\(error.localizedDescription))")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            remove(out.path)
            throw InputError("\(path): gzip could not decompress it")
        }
        return out.path
    }

    /// Removes a copy made by `decompressedCopy(of:)`.
    public static func remove(_ copy: String) { try? FileManager.default.removeItem(atPath: copy) }
}
