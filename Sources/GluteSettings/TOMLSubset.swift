/// The part of TOML a GluteBridge config file may use, parsed without a dependency.
///
/// Accepted:
/// - `key = value` lines; keys are bare (`A-Z a-z 0-9 _ -`) or quoted (`"key"`, `'key'`).
/// - Values: basic strings `"..."` with the escapes `\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`;
///   literal strings `'...'` (no escapes); decimal numbers (`12`, `-1.5`, `2e3`, `1_000`);
///   `true` / `false`; arrays of strings `[ "a", 'b' ]`, which may span lines, hold comments and
///   end with a comma.
/// - `# comments` to the end of a line, blank lines.
/// - Table headers `[name]` on their own line; which names are allowed is the resolver's business.
///
/// Not accepted (each is an error naming the line): multi-line strings, inline tables, dotted keys,
/// arrays of tables, nested arrays or arrays of non-strings, dates, `inf`/`nan`, hexadecimal,
/// a key given twice in the same table, a table given twice.
package enum TOMLSubset {
    package static func parse(_ text: String, path: String) throws(SettingsError) -> [ConfigEntry] {
        var parser = Parser(scalars: Array(text.unicodeScalars), path: path)
        return try parser.document()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let path: String
        var index = 0
        var line = 1

        init(scalars: [Unicode.Scalar], path: String) {
            self.scalars = scalars
            self.path = path
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
            if current == "\n" { line += 1 }
            index += 1
        }

        func failure(_ problem: String) -> SettingsError {
            SettingsError(origin: "\(path):\(line)", problem: problem)
        }

        mutating func document() throws(SettingsError) -> [ConfigEntry] {
            var entries: [ConfigEntry] = []
            var table: String?
            var seenTables: Set<String> = []
            var seenKeys: Set<String> = []
            while true {
                skipBlankSpace(newlines: true)
                guard let c = current else { break }
                if c == "[" {
                    let name = try tableHeader()
                    guard seenTables.insert(name).inserted else { throw failure("table [\(name)] appears twice") }
                    table = name
                } else {
                    let entryLine = line
                    let key = try self.key()
                    skipBlankSpace(newlines: false)
                    guard current == "=" else {
                        if current == "." { throw failure("dotted keys are not supported; use a [table]") }
                        throw failure("expected '=' after key '\(key)'")
                    }
                    advance()
                    skipBlankSpace(newlines: false)
                    let value = try self.value()
                    try endOfLine()
                    let qualified = (table.map { $0 + "." } ?? "") + key
                    guard seenKeys.insert(qualified).inserted else { throw failure("key '\(qualified)' appears twice") }
                    entries.append(ConfigEntry(table: table, key: key, value: value, line: entryLine))
                }
            }
            return entries
        }

        /// Spaces and tabs, comments, and (if asked) newlines.
        mutating func skipBlankSpace(newlines: Bool) {
            while let c = current {
                if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                    advance()
                } else if c == "#" {
                    while let d = current, d != "\n" { advance() }
                } else {
                    return
                }
            }
        }

        mutating func endOfLine() throws(SettingsError) {
            skipBlankSpace(newlines: false)
            guard let c = current else { return }
            guard c == "\n" else { throw failure("unexpected '\(Character(c))' after the value") }
            advance()
        }

        mutating func tableHeader() throws(SettingsError) -> String {
            advance()
            if current == "[" { throw failure("arrays of tables ([[...]]) are not supported") }
            skipBlankSpace(newlines: false)
            let name = try key()
            skipBlankSpace(newlines: false)
            if current == "." { throw failure("nested tables are not supported") }
            guard current == "]" else { throw failure("expected ']' to close the table header") }
            advance()
            try endOfLine()
            return name
        }

        static func isBareKeyScalar(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }

        mutating func key() throws(SettingsError) -> String {
            guard let c = current else { throw failure("expected a key") }
            if c == "\"" || c == "'" { return try string() }
            var key = ""
            while let d = current, Parser.isBareKeyScalar(d) {
                key.unicodeScalars.append(d)
                advance()
            }
            guard !key.isEmpty else { throw failure("expected a key, found '\(Character(c))'") }
            return key
        }

        mutating func value() throws(SettingsError) -> ConfigValue {
            guard let c = current, c != "\n", c != "#" else { throw failure("expected a value after '='") }
            switch c {
            case "\"", "'":
                return .string(try string())
            case "[":
                return .strings(try array())
            case "{":
                throw failure("inline tables are not supported")
            default:
                return try bareValue()
            }
        }

        /// true, false or a number; anything else unquoted is an error that suggests quotes.
        mutating func bareValue() throws(SettingsError) -> ConfigValue {
            var token = ""
            while let c = current, c != " ", c != "\t", c != "\r", c != "\n", c != "#", c != ",", c != "]" {
                token.unicodeScalars.append(c)
                advance()
            }
            if token == "true" { return .bool(true) }
            if token == "false" { return .bool(false) }
            if let number = Parser.decimal(token) { return .number(number) }
            throw failure("'\(token)' is not a value; text needs quotes, e.g. \"\(token)\"")
        }

        /// TOML's decimal numbers: optional sign, digits with single underscores between them, an
        /// optional fraction and exponent.
        static func decimal(_ token: String) -> Double? {
            let scalars = Array(token.unicodeScalars)
            guard let first = scalars.first, first == "+" || first == "-" || ("0"..."9").contains(first) else { return nil }
            var plain = ""
            for (i, c) in scalars.enumerated() {
                if c == "_" {
                    let digitBefore = i > 0 && ("0"..."9").contains(scalars[i - 1])
                    let digitAfter = i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1])
                    guard digitBefore && digitAfter else { return nil }
                    continue
                }
                guard ("0"..."9").contains(c) || c == "." || c == "e" || c == "E" || c == "+" || c == "-" else { return nil }
                plain.unicodeScalars.append(c)
            }
            guard let value = Double(plain), value.isFinite else { return nil }
            return value
        }

        mutating func string() throws(SettingsError) -> String {
            let quote = current!
            advance()
            if current == quote, index + 1 < scalars.count, scalars[index + 1] == quote {
                throw failure("multi-line strings are not supported")
            }
            var out = ""
            while true {
                guard let c = current, c != "\n" else { throw failure("unterminated string") }
                advance()
                if c == quote { return out }
                if c == "\\" && quote == "\"" {
                    out.unicodeScalars.append(try escape())
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }

        mutating func escape() throws(SettingsError) -> Unicode.Scalar {
            guard let c = current else { throw failure("unterminated string") }
            advance()
            switch c {
            case "\"": return "\""
            case "\\": return "\\"
            case "n": return "\n"
            case "t": return "\t"
            case "r": return "\r"
            case "b": return "\u{08}"
            case "f": return "\u{0C}"
            case "u", "U":
                let width = c == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<width {
                    guard let h = current, h.properties.isASCIIHexDigit else { throw failure("\\\(c) needs \(width) hex digits") }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw failure("\\\(c)\(hex) is not a Unicode scalar")
                }
                return scalar
            default:
                throw failure("unknown escape '\\\(Character(c))' in a string (use single quotes for literal text)")
            }
        }

        mutating func array() throws(SettingsError) -> [String] {
            advance()
            var items: [String] = []
            while true {
                skipBlankSpace(newlines: true)
                guard let c = current else { throw failure("unterminated array") }
                if c == "]" { advance(); return items }
                guard c == "\"" || c == "'" else {
                    throw failure("arrays may hold only strings")
                }
                items.append(try string())
                skipBlankSpace(newlines: true)
                if current == "," { advance(); continue }
                guard current == "]" else { throw failure("expected ',' or ']' in the array") }
            }
        }
    }
}
