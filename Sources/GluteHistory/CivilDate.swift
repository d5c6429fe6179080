/// Calendar dates and day numbers (days since 1970-01-01), proleptic Gregorian, without clocks.
public enum CivilDate {
    /// Howard Hinnant's days_from_civil.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day number of "YYYY-MM-DD", or nil when the text is no real date (2026-02-30 is not).
    public static func day(parsing text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y >= 1970, y <= 9999, (1...12).contains(m), (1...31).contains(d) else { return nil }
        // A day that does not exist (2026-02-30) would roll into the next month: reject it.
        return d <= monthLength(y, m) ? days(year: y, month: m, day: d) : nil
    }

    static func monthLength(_ y: Int, _ m: Int) -> Int {
        let next = m == 12 ? days(year: y + 1, month: 1, day: 1) : days(year: y, month: m + 1, day: 1)
        return next - days(year: y, month: m, day: 1)
    }
}
