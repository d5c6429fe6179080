/// Number and string formatting without Foundation, identical on every platform, so that text
/// outputs (JSONL, CSV) are byte-for-byte reproducible.
public enum TextFormatting {
    /// `value` with exactly `decimals` digits after the point, rounded half away from zero;
    /// non-finite values give "null" for JSON.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18, let units = UInt64(checked: scaled), let divisor = UInt64(checked: scale) else { return String(value) }
        let whole = units / divisor
        var out = (value < 0 && units != 0) ? "-" : ""
        out += String(whole)
        if decimals > 0 {
            var fraction = String(units % divisor)
            while fraction.count < decimals { fraction = "0" + fraction }
            out += "." + fraction
        }
        return out
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
