import Glibc
import GluteWire

/// The host's local time zone (TZ and the time zone database, daylight saving time included), for
/// the modules that show or judge clock times but must not call the C library themselves.
public enum LocalTime {
    /// The local time of day of a wall-clock time, in minutes after midnight (via localtime_r);
    /// UTC's when the conversion fails.
    public static func minuteOfDay(_ wall: Double) -> Int {
        var seconds = time_t(saturating: wall, rounding: .down)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else {
            let utc = Int(seconds) % 86400
            return (utc < 0 ? utc + 86400 : utc) / 60
        }
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }

    /// The host's offset from UTC at `wall` (seconds since the epoch), from the TZ database.
    public static func utcOffset(at wall: Double) -> Int {
        guard wall.isFinite else { return 0 }
        tzset()
        var seconds = time_t(saturating: wall, rounding: .down)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}
