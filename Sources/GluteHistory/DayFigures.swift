import GluteLog

/// One local day of the history: what the event logs say about it.
public struct DayFigures: Sendable, Equatable {
    /// A sitting bout, or the part of one that fell on this day.
    public struct Bout: Sendable, Equatable {
        /// Wall-clock start, seconds since the epoch.
        public var start: Double
        public var length: Double
        /// The time seated in it: less than `length` when a short stand or lying stayed inside.
        public var sitting: Double
    }

    /// Days since 1970-01-01, local.
    public var day: Int
    /// A log covered some of this day (else the figures mean nothing, not zero).
    public var hasData = false
    /// Time with a monitor running: from each log's session line to its end, minus link gaps.
    public var wornSeconds = 0.0
    public var sittingSeconds = 0.0
    public var bouts: [Bout] = []
    public var breaks = 0
    public var prolongedAlerts = 0
    public var tiltSeconds = 0.0
    public var squeezes = 0
    public var exerciseSets = 0

    public init(day: Int) { self.day = day }

    public var date: String { LocalDayText.date(ofDay: day) }
    public var boutCount: Int { bouts.count }
    public var longestBout: Double { bouts.map(\.length).max() ?? 0 }

    /// Sitting seconds in bouts shorter than `short`, up to `long`, and longer (the report's colours).
    public func sittingSplit(short: Double, long: Double) -> (Double, Double, Double) {
        var out = (0.0, 0.0, 0.0)
        for bout in bouts {
            if bout.length < short { out.0 += bout.sitting } else if bout.length <= long { out.1 += bout.sitting } else { out.2 += bout.sitting }
        }
        return out
    }
}

/// How wall-clock times map to local days: seconds east of UTC at an instant. The host's rule
/// comes from GluteDevices (`LocalTime.utcOffset(at:)`); tests pass rules of their own.
public struct LocalDays: Sendable {
    public let utcOffset: @Sendable (Double) -> Int

    public init(utcOffset: @escaping @Sendable (Double) -> Int) { self.utcOffset = utcOffset }

    /// A zone that never changes its offset.
    public static func fixed(_ seconds: Int) -> LocalDays { LocalDays { _ in seconds } }

    public func day(_ wall: Double) -> Int { LocalDayText.day(wall, utcOffset: utcOffset(wall)) }

    public func midnight(_ day: Int) -> Double { LocalDayText.midnight(ofDay: day, utcOffset: utcOffset) }
}
