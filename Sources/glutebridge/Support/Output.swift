import GluteDevices
import GluteLog

/// Standard output and error, line by line and unbuffered where it matters: lines reach a pipe
/// as they are produced (a script reading our JSONL must not wait for a buffer to fill).
enum Output {
    /// Bulk outputs (`decode` of a file, `export`) write in blocks of this many bytes or so.
    static let blockSize = 1 << 20

    static func line(_ text: String) {
        write(1, text + "\n")
    }

    /// One line on standard error. Warnings quote paths and device text the user or a device gave
    /// us: a newline in them would split the line, an escape sequence would reach the terminal.
    static func error(_ text: String) {
        write(2, TerminalText.escaped(text) + "\n")
    }

    /// Columns padded to their widest cell (the last one unpadded), two spaces apart; cells are
    /// printed as given, so escape device text first.
    static func table(header: [String], rows: [[String]]) {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }
            line(cells.joined(separator: "  "))
        }
    }

    static func raw(_ bytes: [UInt8], to fd: Int32 = 1) -> Bool {
        raw(bytes[...], to: fd)
    }

    static func raw(_ bytes: ArraySlice<UInt8>, to fd: Int32 = 1) -> Bool {
        (try? StandardStreams.writeAll(bytes, to: fd)) != nil
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
