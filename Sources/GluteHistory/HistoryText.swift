import GluteWire

/// The history for people: a compact table, one row per day, then per column a sparkline over the
/// days and the trend against the period before.
public enum HistoryText {
    static let headers: [HistoryColumn: String] = [
        .worn: "worn", .sitting: "sitting", .bouts: "bouts", .longest: "longest", .breaks: "breaks",
        .alerts: "alerts", .tilt: "tilt", .squeezes: "squeezes", .sets: "sets",
    ]

    public static func lines(_ rows: [DayFigures], previous: [DayFigures]) -> [String] {
        let columns = HistoryColumn.allCases
        let widths = columns.map { c in max(headers[c]!.count, rows.map { c.text(c.value($0)).count }.max() ?? 0) }
        var out = ["date        " + zip(columns, widths).map { pad(headers[$0]!, $1) }.joined(separator: "  ")]
        for row in rows {
            guard row.hasData else { out.append(row.date + "  no data"); continue }
            out.append(row.date + "  " + zip(columns, widths).map { pad($0.text($0.value(row)), $1) }.joined(separator: "  "))
        }
        out.append("")
        let labelWidth = columns.map { headers[$0]!.count }.max()!
        for column in columns {
            out.append(pad(headers[column]!, labelWidth, left: true) + "  " + Sparkline.render(rows.map { $0.hasData ? column.value($0) : nil })
                       + "  " + HistoryTrend.text(column, rows: rows, previous: previous))
        }
        return out
    }

    static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? s + fill : fill + s
    }
}

/// Eight-level bars for a row of values; a day without data is a space.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func render(_ values: [Double?]) -> String {
        let top = values.compactMap { $0 }.max() ?? 0
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard top > 0 else { return levels[0] }
            return levels[min(7, max(0, Int(saturating: value / top * 7, rounding: .toNearestOrAwayFromZero)))]
        })
    }
}

/// "5h12m/day, 6h01m/day the 7 days before (-14%)": means over days with data.
public enum HistoryTrend {
    public static func mean(_ column: HistoryColumn, _ rows: [DayFigures]) -> Double? {
        let data = rows.filter(\.hasData)
        guard !data.isEmpty else { return nil }
        return data.map(column.value).reduce(0, +) / Double(data.count)
    }

    public static func text(_ column: HistoryColumn, rows: [DayFigures], previous: [DayFigures]) -> String {
        guard let now = mean(column, rows) else { return "no data" }
        var out = column.text(now) + "/day"
        guard let before = mean(column, previous) else { return out + ", no data the \(previous.count) days before" }
        out += ", " + column.text(before) + "/day the \(previous.count) days before"
        if before > 0 {
            let change = Int(saturating: (now - before) / before * 100, rounding: .toNearestOrAwayFromZero)
            out += " (" + (change > 0 ? "+" : "") + "\(change)%)"
        }
        return out
    }
}
