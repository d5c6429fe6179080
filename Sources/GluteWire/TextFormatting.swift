/// Number and string formatting without Foundation, identical on every platform, so that text
/// outputs (JSONL, CSV) are byte-for-byte reproducible.
public enum TextFormatting {
    /// `value` with exactly `decimals` digits after the point (0...9), rounded half away from
    /// zero; non-finite values give "null" for JSON. `FixedDecimal` does the work.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        FixedDecimal.string(value, decimals: decimals, nonFinite: .null)
    }

    /// A JSON string literal. Control characters, including ESC, are escaped, so device-provided
    /// text can never drive a terminal through our output.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
