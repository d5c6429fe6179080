import Glibc
import GluteWire

/// A daily stretch of local time in which alerts stay silent (`--quiet-hours 22:00-07:30`).
/// The start is inside, the end is not; a start later than the end wraps past midnight.
public struct QuietHours: Sendable, Equatable, CustomStringConvertible {
    /// Minutes after local midnight, 0..<1440.
    public var start: Int
    public var end: Int

    /// `start` and `end` in minutes after midnight; they must differ.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (24-hour clock, one-digit hours allowed, `24:00` as an end).
    public init(parsing text: String) throws(QuietHoursParseError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw QuietHoursParseError(reason: "expected HH:MM-HH:MM, e.g. 22:00-07:30") }
        guard let start = QuietHours.minutes(parts[0], allowMidnightEnd: false) else {
            throw QuietHoursParseError(reason: "'\(parts[0])' is not a time of day (00:00 to 23:59)")
        }
        guard let end = QuietHours.minutes(parts[1], allowMidnightEnd: true) else {
            throw QuietHoursParseError(reason: "'\(parts[1])' is not a time of day (00:00 to 24:00)")
        }
        guard start != end % 1440 else { throw QuietHoursParseError(reason: "the start and the end are the same time") }
        self.init(start: start, end: end % 1440)
    }

    private static func minutes(_ text: Substring, allowMidnightEnd: Bool) -> Int? {
        let fields = text.trimmingCharacters(" ").split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, (1...2).contains(fields[0].count), fields[1].count == 2,
              fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let h = Int(fields[0]), let m = Int(fields[1]), m < 60 else { return nil }
        if h == 24 && m == 0 && allowMidnightEnd { return 1440 }
        return h < 24 ? h * 60 + m : nil
    }

    /// Whether a local time of day (minutes after midnight) is quiet.
    public func contains(minuteOfDay m: Int) -> Bool {
        start < end ? (m >= start && m < end) : (m >= start || m < end)
    }

    /// Whether a wall-clock time (seconds since the epoch) is quiet in the local time zone.
    public func contains(wall: Double) -> Bool { contains(minuteOfDay: QuietHours.localMinuteOfDay(wall)) }

    /// The local time of day of a wall-clock time, in minutes after midnight (via localtime_r, so
    /// TZ and daylight saving time apply).
    public static func localMinuteOfDay(_ wall: Double) -> Int {
        var seconds = time_t(saturating: wall, rounding: .down)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else {
            let utc = Int(seconds) % 86400
            return (utc < 0 ? utc + 86400 : utc) / 60
        }
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }

    public var description: String {
        func clock(_ m: Int) -> String {
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
        }
        return "\(clock(start))-\(clock(end))"
    }
}

/// Why a `--quiet-hours` value was rejected.
public struct QuietHoursParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    func trimmingCharacters(_ c: Character) -> Substring {
        var s = self
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return s
    }
}
