/// Cuts a byte stream into text lines, whatever the chunking.
///
/// Lines end at LF; a CR before it is dropped, so CRLF files read like LF files. A UTF-8 byte
/// order mark at the very start is dropped (spreadsheets write one). A line longer than
/// `maximumLength` is not buffered further: it is reported once, flagged as too long, so a
/// stream without newlines cannot grow memory without bound.
///
/// The caller pushes bytes one by one; when `push` returns a completion, `line` holds the line
/// until the next `push`. (A byte-wise API rather than a callback, so that a decoder can own an
/// assembler and still mutate itself while handling a line.)
struct TextLineAssembler: Sendable {
    /// What a completed line is.
    enum Completion: Sendable {
        /// `line` holds the whole line, without its line ending.
        case line
        /// The line was longer than the maximum; `line` holds its first `maximumLength` bytes.
        case tooLong
    }

    /// The bytes of the current line, reused from line to line.
    private(set) var line: [UInt8] = []
    /// 1-based number of the line in `line` (every LF counts, blank lines included).
    private(set) var lineNumber = 1
    let maximumLength: Int
    private var overflowed = false
    private var completed = false
    private var byteOrderMarkMatched = 0
    private var atStreamStart = true

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(maximumLength: Int) {
        self.maximumLength = max(1, maximumLength)
        line.reserveCapacity(min(self.maximumLength, 4096))
    }

    /// Adds one byte; returns a completion when this byte ended a line.
    @inline(__always)
    mutating func push(_ byte: UInt8) -> Completion? {
        if completed { startNextLine() }
        if atStreamStart, skipByteOrderMark(byte) { return nil }
        if byte == UInt8(ascii: "\n") { return complete() }
        if overflowed { return nil }
        if line.count >= maximumLength {
            overflowed = true
            return nil
        }
        line.append(byte)
        return nil
    }

    /// Completes a last line that had no LF, if there is one.
    mutating func finish() -> Completion? {
        if completed { startNextLine() }
        if atStreamStart {
            // A stream that was only the start of a byte order mark: those bytes were text.
            line.append(contentsOf: Self.byteOrderMark.prefix(byteOrderMarkMatched))
            atStreamStart = false
        }
        guard !line.isEmpty || overflowed else { return nil }
        return complete()
    }

    private mutating func complete() -> Completion {
        atStreamStart = false
        if !overflowed, line.last == UInt8(ascii: "\r") { line.removeLast() }
        completed = true
        return overflowed ? .tooLong : .line
    }

    private mutating func startNextLine() {
        line.removeAll(keepingCapacity: true)
        overflowed = false
        completed = false
        lineNumber &+= 1
    }

    /// Returns true while `byte` continues a byte order mark at the start of the stream.
    private mutating func skipByteOrderMark(_ byte: UInt8) -> Bool {
        if byte == Self.byteOrderMark[byteOrderMarkMatched] {
            byteOrderMarkMatched += 1
            if byteOrderMarkMatched == Self.byteOrderMark.count { atStreamStart = false }
            return true
        }
        // Not a byte order mark after all: what matched so far belongs to the line.
        line.append(contentsOf: Self.byteOrderMark.prefix(byteOrderMarkMatched))
        atStreamStart = false
        return false
    }
}
