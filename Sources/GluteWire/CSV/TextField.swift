/// Byte-level helpers for the fields of a text line.
enum TextField {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// Trims spaces and one pair of double quotes.
    static func trim(_ line: [UInt8], from start: Int, to end: Int) -> (Int, Int) {
        var lower = start
        var upper = end
        while lower < upper, isSpace(line[lower]) { lower += 1 }
        while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
        if upper - lower >= 2, line[lower] == 0x22, line[upper - 1] == 0x22 {
            lower += 1
            upper -= 1
        }
        return (lower, upper)
    }

    /// The trimmed bounds of comma-separated field `field`, or an empty range past the end.
    static func bounds(_ line: [UInt8], field: Int) -> (Int, Int) {
        var start = 0
        var index = 0
        while index < field {
            while start < line.count, line[start] != UInt8(ascii: ",") { start += 1 }
            if start == line.count { return (line.count, line.count) }
            start += 1
            index += 1
        }
        var end = start
        while end < line.count, line[end] != UInt8(ascii: ",") { end += 1 }
        return trim(line, from: start, to: end)
    }

    /// True when the text at `start` begins with a letter or a quote: a name, not a number.
    static func startsWithWord(_ line: [UInt8], from start: Int) -> Bool {
        guard start < line.count else { return false }
        let byte = line[start] | 0x20
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || line[start] == 0x22 || line[start] == UInt8(ascii: "_")
    }
}
