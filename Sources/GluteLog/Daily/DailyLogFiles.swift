import Foundation

/// Where the monitor keeps its daily event logs, and how they are named, found, read and pruned.
/// One file per local day, `events-YYYY-MM-DD.jsonl`, each starting with its own session line.
public enum DailyLogFiles {
    public static let prefix = "events-"
    public static let suffix = ".jsonl"
    /// Days kept before a log is removed, unless the user says otherwise.
    public static let defaultKeepDays = 365

    /// `$XDG_STATE_HOME/glutebridge`, else `~/.local/state/glutebridge` (the systemd unit's).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/glutebridge" }
        return (environment["HOME"] ?? "") + "/.local/state/glutebridge"
    }

    /// The file name of the day `date` ("2026-03-29").
    public static func name(date: String) -> String { prefix + date + suffix }

    /// The date a daily log's file name carries, if it is one.
    public static func date(ofName name: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let date = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        guard date.utf8.count == 10, date.utf8.enumerated().allSatisfy({ i, c in
            (i == 4 || i == 7) ? c == UInt8(ascii: "-") : (c >= 0x30 && c <= 0x39)
        }) else { return nil }
        return date
    }

    /// The event logs (`*.jsonl`) in `directory`, sorted by name (daily logs sort by date).
    public static func logs(in directory: String) throws(LogDirectoryError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw LogDirectoryError("\(directory): cannot list the directory (\(error.localizedDescription))")
        }
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory + "/" + $0 }
    }

    /// Is `path` a directory?
    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The bytes of a file.
    public static func read(_ path: String) throws(LogDirectoryError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            // Which of the usual reasons, so that a mistyped path reads as one.
            let reason = !FileManager.default.fileExists(atPath: path) ? "no such file or directory"
                : !FileManager.default.isReadableFile(atPath: path) ? "permission denied" : "cannot read the file"
            throw LogDirectoryError("\(path): \(reason)")
        }
        return [UInt8](data)
    }

    /// Removes the daily logs in `directory` dated before `oldestKept` ("YYYY-MM-DD", compared as
    /// text, which orders dates); returns the names removed. Other files are never touched.
    @discardableResult
    public static func prune(_ directory: String, before oldestKept: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let date = date(ofName: name), date < oldestKept else { continue }
            if (try? FileManager.default.removeItem(atPath: directory + "/" + name)) != nil { removed.append(name) }
        }
        return removed
    }
}

/// A log directory or file that cannot be used, said in one line.
public struct LogDirectoryError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
