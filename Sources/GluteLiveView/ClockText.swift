import GluteCore
import GluteWire

/// Wall-clock times and durations as the live view prints them.
package enum ClockText {
    /// `HH:MM:SS` (or `HH:MM` when `seconds` is false) at `wall` seconds since the epoch, shifted
    /// by `utcOffset` seconds.
    package static func time(_ wall: Double, utcOffset: Int, seconds: Bool = true) -> String {
        guard wall.isFinite else { return seconds ? "--:--:--" : "--:--" }
        let local = Int(saturating: wall + Double(utcOffset), rounding: .down)
        var ofDay = local % 86_400
        if ofDay < 0 { ofDay += 86_400 }
        let text = pad(ofDay / 3600) + ":" + pad(ofDay / 60 % 60)
        return seconds ? text + ":" + pad(ofDay % 60) : text
    }

    /// A duration in the compact form the CLI uses elsewhere (`45s`, `12m30s`, `1h05m`).
    package static func duration(_ seconds: Double) -> String {
        DurationText.format(seconds.isFinite ? max(0, seconds) : 0)
    }

    /// A limit such as 1800 s as `30m` rather than `30m00s`.
    package static func limit(_ seconds: Double) -> String {
        let text = duration(seconds)
        return text.hasSuffix("m00s") ? String(text.dropLast(3)) : text
    }

    private static func pad(_ v: Int) -> String {
        v < 10 ? "0\(v)" : "\(v)"
    }
}

/// Numbers with a fixed count of decimals, without Foundation's formatters.
package enum NumberText {
    package static func fixed(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        guard value.isFinite else { return "?" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        // Beyond Int's range (only corrupt input gets there) the plain description stands in.
        guard let whole = Int(checked: scaled / scale),
              let fraction = Int(checked: scaled - Double(whole) * scale) else { return String(value) }
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        if negative { return "-" + text }
        return signed ? "+" + text : text
    }

    /// A degree value such as `+18.3°`.
    package static func degrees(_ value: Double, glyphs: Glyphs, signed: Bool = true) -> String {
        fixed(value, decimals: 1, signed: signed) + glyphs.degree
    }

    /// A limit in degrees without needless decimals: `15°`, `12.5°`.
    package static func limitDegrees(_ value: Double, glyphs: Glyphs) -> String {
        let rounded = value.rounded()
        return (abs(value - rounded) < 0.05 ? fixed(value, decimals: 0) : fixed(value, decimals: 1)) + glyphs.degree
    }
}
