import GluteLog
import GluteWire

/// Reads event logs (daily files, a directory of them, or any JSONL log) into local days.
public enum HistoryLoader {
    /// The days the logs at `paths` cover. A directory stands for the logs in it. A line that is
    /// not a JSON object is skipped with a warning naming its file and line; the rest of the day
    /// still counts. A file whose first line is no session line is skipped with a warning.
    public static func load(_ paths: [String], localDays: LocalDays, warn: (String) -> Void) throws(LogDirectoryError) -> [Int: DayFigures] {
        var bucketer = DayBucketer(localDays: localDays)
        for path in paths {
            let files = DailyLogFiles.isDirectory(path) ? try DailyLogFiles.logs(in: path) : [path]
            // Otherwise a directory without logs (a wrong one) would only show days of "no data".
            if files.isEmpty { warn("\(path): no event logs (*.jsonl) in this directory") }
            for file in files {
                let bytes = try DailyLogFiles.read(file)
                read(bytes, file: file, into: &bucketer, warn: warn)
            }
        }
        return bucketer.days
    }

    /// One file's lines into the bucketer.
    public static func read(_ bytes: [UInt8], file: String, into bucketer: inout DayBucketer, warn: (String) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            var number = 0
            var sawSession = false
            while start < all.count {
                var end = start
                while end < all.count, all[end] != 0x0A { end += 1 }
                number += 1
                let slice = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard let line = LogLine.parse(slice) else {
                    if !sawSession { warn("\(file): not an event log (its first line is no JSON session line), skipped"); return }
                    warn("\(file):\(number): not a JSON object, skipped")
                    continue
                }
                if let field = line.fieldOutOfRange {
                    let range = ValueRanges.describe(ValueRanges.streamSeconds)
                    if !sawSession { warn("\(file): its session line's \(field) is out of range (\(range) s), skipped"); return }
                    warn("\(file):\(number): \(field) is out of range (\(range) s), skipped")
                    continue
                }
                if !sawSession {
                    guard line.type == "session" else { warn("\(file): not an event log (its first line is no session line), skipped"); return }
                    sawSession = true
                }
                bucketer.observe(line)
            }
        }
        bucketer.endFile()
    }
}
