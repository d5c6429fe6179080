/// Where a JSON text stops being JSON, in plain words (`line 3, column 14: expected ',' or '}'`),
/// for config file errors: Foundation's own message names NSCocoaErrorDomain and a byte offset.
///
/// A small recursive checker of RFC 8259's grammar; it only locates the first error and does not
/// build values (JSONSerialization still does the parsing).
struct JSONSyntaxLocation {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// `line L, column C: PROBLEM` for the first syntax error in `bytes`, or a fallback when the
    /// checker finds none (then the text is JSON that Foundation refused for another reason).
    static func describe(_ bytes: [UInt8]) -> String {
        var checker = JSONSyntaxLocation(bytes)
        do {
            try checker.document()
            return "the text could not be read as JSON"
        } catch {
            return checker.position(of: error.offset) + ": " + error.problem
        }
    }

    struct Failure: Error {
        var offset: Int
        var problem: String
    }

    private func position(of offset: Int) -> String {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return "line \(line), column \(column)"
    }

    private func fail(_ problem: String) -> Failure {
        Failure(offset: index, problem: index < bytes.count ? problem : "the file ends early (" + problem + ")")
    }

    private mutating func document() throws(Failure) {
        skipSpace()
        try value()
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the end of the JSON value") }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func value() throws(Failure) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw fail("nested too deeply") }
        switch current ?? 0 {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("expected a value (a string in double quotes, a number, true, false, an object or an array)")
        }
    }

    private mutating func object() throws(Failure) {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return }
        while true {
            guard current == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
            index += 1
            skipSpace()
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
            guard current == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
            index += 1
            return
        }
    }

    private mutating func array() throws(Failure) {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return }
        while true {
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
            guard current == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
            index += 1
            return
        }
    }

    private mutating func string() throws(Failure) {
        index += 1
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""): index += 1; return
            case UInt8(ascii: "\\"): index += 2
            case 0..<0x20: throw fail("a control character inside a string (write \\n or \\t)")
            default: index += 1
            }
        }
        throw fail("a string without its closing double quote")
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.utf8 {
            guard current == expected else { throw fail("expected \(word)") }
            index += 1
        }
    }

    private mutating func number() throws(Failure) {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, digits.contains(first) else { throw fail("expected a digit") }
        while let c = current, digits.contains(c) { index += 1 }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let c = current, digits.contains(c) else { throw fail("expected a digit after the decimal point") }
            while let c = current, digits.contains(c) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let c = current, digits.contains(c) else { throw fail("expected a digit in the exponent") }
            while let c = current, digits.contains(c) { index += 1 }
        }
    }
}
