import GluteWire

/// ISO-8601 text for wall-clock times (UTC, millisecond precision), computed without Foundation so
/// that the same time always gives the same bytes.
public enum WallClockText {
    /// Times before year 0 or after 9999 (only a corrupt input gives them) are shown as the
    /// nearest end of that range, so that the text keeps its shape and nothing traps; NaN as the epoch.
    public static func iso8601(_ epochSeconds: Double) -> String {
        let millis = Int64(saturating: epochSeconds * 1000, rounding: .down)
        let totalMillis = min(max(millis, -62_167_219_200_000), 253_402_300_799_999)
        var days = totalMillis / 86_400_000
        var millisOfDay = totalMillis % 86_400_000
        if millisOfDay < 0 { millisOfDay += 86_400_000; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        let h = millisOfDay / 3_600_000
        let min = (millisOfDay / 60_000) % 60
        let s = (millisOfDay / 1000) % 60
        let ms = millisOfDay % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(min, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
