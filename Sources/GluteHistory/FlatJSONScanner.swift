/// A scanner for one flat JSON object (string keys; string, number, true, false or null values),
/// the shape of every event-log line. Nested values, trailing bytes or broken syntax fail the line.
/// Keys and values are handed out as the bytes of the line, so that only the values a reader wants
/// become numbers or strings (a year of logs is 365,000 lines).
struct FlatJSONScanner {
    typealias Bytes = UnsafeBufferPointer<UInt8>
    enum Value {
        /// The bytes between the quotes; `escaped` when they hold a backslash.
        case string(Bytes, escaped: Bool)
        case number(Bytes)
        case bool(Bool)
        case null

        /// The string's text, escapes resolved; nil for other values.
        var text: String? {
            guard case let .string(raw, escaped) = self else { return nil }
            return escaped ? FlatJSONScanner.unescaped(raw) : String(decoding: raw, as: UTF8.self)
        }

        /// The number's value; nil for other values or a malformed number.
        var number: Double? {
            guard case let .number(raw) = self else { return nil }
            return LogNumber.parse(raw)
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// Calls `field` for each member; false when the bytes are not one flat object.
    mutating func scanObject(_ field: (Bytes, Value) -> Void) -> Bool {
        skipSpace()
        guard take(0x7B) else { return false }
        skipSpace()
        if take(0x7D) { return atEnd() }
        while true {
            skipSpace()
            guard case let .string(key, _)? = string() else { return false }
            skipSpace()
            guard take(0x3A) else { return false }
            skipSpace()
            guard let value = value() else { return false }
            field(key, value)
            skipSpace()
            if take(0x2C) { continue }
            return take(0x7D) && atEnd()
        }
    }

    private mutating func atEnd() -> Bool { skipSpace(); return i == b.count }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 }
    }

    private mutating func take(_ c: UInt8) -> Bool {
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    private mutating func value() -> Value? {
        guard i < b.count else { return nil }
        switch b[i] {
        case 0x22: return string()
        case 0x74: return word("true") ? .bool(true) : nil
        case 0x66: return word("false") ? .bool(false) : nil
        case 0x6E: return word("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func word(_ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != w.utf8Start[k] { return false }
        i += n
        return true
    }

    private mutating func number() -> Value? {
        let start = i
        while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 {
            i += 1
        }
        guard i > start else { return nil }
        return .number(Bytes(rebasing: b[start..<i]))
    }

    private mutating func string() -> Value? {
        guard take(0x22) else { return nil }
        let start = i
        var plain = true
        while i < b.count, b[i] != 0x22 {
            if b[i] == 0x5C { plain = false; i += 1 }
            i += 1
        }
        guard i < b.count else { return nil }
        let raw = Bytes(rebasing: b[start..<i])
        i += 1
        return .string(raw, escaped: !plain)
    }

    /// Escapes resolved (rare in event logs: device names with quotes or control characters).
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        var k = 0
        while k < raw.count {
            guard raw[k] == 0x5C else { out.append(raw[k]); k += 1; continue }
            guard k + 1 < raw.count else { return nil }
            switch raw[k + 1] {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard k + 5 < raw.count, let v = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[(k + 2)...(k + 5)]), as: UTF8.self), radix: 16)
                else { return nil }
                out.append(contentsOf: Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8))
                k += 6
                continue
            default: out.append(raw[k + 1])
            }
            k += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
