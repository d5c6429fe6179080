import GluteHistory

/// What the week report shows: one entry per local day, from the event logs, and the daily
/// sitting limit its bars are measured against.
public struct WeekReport: Sendable {
    public var days: [DayFigures]
    /// Sitting per day the user aims to stay under, seconds (`report --daily-limit`).
    public var dailyLimit: Double
    /// Where days begin, for clock times of bouts.
    public var localDays: LocalDays

    /// Six hours: a common ceiling in sedentary-behaviour guidance, and the default of `--daily-limit`.
    public static let defaultDailyLimit = 6 * 3600.0

    public init(days: [DayFigures], dailyLimit: Double, localDays: LocalDays) {
        self.days = days
        self.dailyLimit = dailyLimit
        self.localDays = localDays
    }

    /// The weekday's short name of a day number (1970-01-01 was a Thursday).
    static func weekday(_ day: Int) -> String {
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((day + 4) % 7 + 7) % 7]
    }
}
