import GluteWire

/// Durations as people type them: `90s`, `45m`, `1h30m`, `1.5h`, `250ms`, or a bare number of
/// seconds.
public enum DurationText {
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var text: String
        public var description: String {
            "'\(text)' is not a duration (examples: 90s, 45m, 1h30m, 250ms)"
        }
    }

    public static func seconds(_ text: String) throws(ParseError) -> Double {
        let s = text.trimmingWhitespace().lowercased()
        guard !s.isEmpty else { throw ParseError(text: text) }
        if let plain = DecimalText.double(s) {
            guard plain >= 0, plain.isFinite else { throw ParseError(text: text) }
            return plain
        }
        var total = 0.0
        var number = ""
        var sawUnit = false
        // Each unit once, largest first ("1h30m"): "5m5m" or "30s1h" is more likely a typo than a sum.
        var smallestUnitSoFar = Double.infinity
        var chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isNumber || c == "." {
                number.append(c)
                i += 1
                continue
            }
            var unit = String(c)
            if c == "m", i + 1 < chars.count, chars[i + 1] == "s" { unit = "ms"; i += 1 }
            i += 1
            guard let value = DecimalText.double(number), value >= 0 else { throw ParseError(text: text) }
            let unitSeconds: Double
            switch unit {
            case "d": unitSeconds = 86400
            case "h": unitSeconds = 3600
            case "m": unitSeconds = 60
            case "s": unitSeconds = 1
            case "ms": unitSeconds = 0.001
            default: throw ParseError(text: text)
            }
            guard unitSeconds < smallestUnitSoFar else { throw ParseError(text: text) }
            smallestUnitSoFar = unitSeconds
            total += unit == "ms" ? value / 1000 : value * unitSeconds
            number = ""
            sawUnit = true
        }
        chars.removeAll()
        guard number.isEmpty, sawUnit, total.isFinite else { throw ParseError(text: text) }
        return total
    }

    /// A compact human form: `45s`, `12m30s`, `1h05m`.
    public static func format(_ seconds: Double) -> String {
        let total = Int(saturating: seconds, rounding: .toNearestOrAwayFromZero)
        if total < 60 { return "\(total)s" }
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        if h > 0 { return "\(h)h" + (m < 10 ? "0" : "") + "\(m)m" }
        return "\(m)m" + (s < 10 ? "0" : "") + "\(s)s"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
