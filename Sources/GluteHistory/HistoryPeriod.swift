/// The days a history shows: `first...last`, local day numbers.
public struct HistoryPeriod: Sendable, Equatable {
    public var first: Int
    public var last: Int
    /// The most days a history shows at once (ten years).
    public static let maxDays = 3660

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    public var count: Int { last - first + 1 }

    /// The period of the same length just before this one (what the trend compares with).
    public var previous: HistoryPeriod { HistoryPeriod(first: first - count, last: first - 1) }

    /// The period the options ask for. Without `to` it ends at `from + days - 1` when both are
    /// given, else at the last day with data (`today` when there is none); `days` defaults to 7.
    public static func resolve(days: Int?, from: Int?, to: Int?, lastDayWithData: Int?, today: Int) throws(HistoryError) -> HistoryPeriod {
        if let days, days < 1 || days > maxDays { throw HistoryError("--days must be between 1 and \(maxDays)") }
        let last: Int
        if let to { last = to } else if let from, let days { last = from + days - 1 } else { last = lastDayWithData ?? today }
        let first = from ?? last - (days ?? 7) + 1
        guard first <= last else { throw HistoryError("--from is after --to") }
        guard last - first < maxDays else { throw HistoryError("at most \(maxDays) days at once") }
        return HistoryPeriod(first: first, last: last)
    }

    /// One entry per day of the period; days no log covers have `hasData` false.
    public func rows(_ known: [Int: DayFigures]) -> [DayFigures] {
        (first...last).map { known[$0] ?? DayFigures(day: $0) }
    }
}

/// A history that cannot be shown, said in one line.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
