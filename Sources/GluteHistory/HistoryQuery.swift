import GluteLog

/// What `history` and `report --week` ask: the days of a period, and of the period before it (for
/// the trend), from the event logs at some paths.
public struct HistoryQuery: Sendable {
    public var period: HistoryPeriod
    public var rows: [DayFigures]
    public var previous: [DayFigures]

    /// - Parameters:
    ///   - paths: files or directories of event logs.
    ///   - from, to: "YYYY-MM-DD" dates; `days` the period's length (default 7).
    ///   - today: the local day it is now; where the period ends when no log has data.
    public static func run(paths: [String], days: Int?, from: String?, to: String?, localDays: LocalDays, today: Int,
                           warn: (String) -> Void) throws -> HistoryQuery {
        let first = try from.map { text throws(HistoryError) in try date(text, "--from") }
        let last = try to.map { text throws(HistoryError) in try date(text, "--to") }
        let known = try HistoryLoader.load(paths, localDays: localDays, warn: warn)
        let period = try HistoryPeriod.resolve(days: days, from: first, to: last,
                                               lastDayWithData: known.values.filter(\.hasData).map(\.day).max(), today: today)
        return HistoryQuery(period: period, rows: period.rows(known), previous: period.previous.rows(known))
    }

    private static func date(_ text: String, _ option: String) throws(HistoryError) -> Int {
        guard let day = CivilDate.day(parsing: text) else { throw HistoryError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
        return day
    }
}
