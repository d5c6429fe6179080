import GluteLog
import GluteWire

/// `history --json`: one object per day, one per line. A day without data has null figures (it is
/// not a day of zero sitting).
public enum HistoryJSON {
    public static func line(_ day: DayFigures) -> String {
        var out = "{\"date\":\"\(day.date)\""
        for column in HistoryColumn.allCases {
            let value = column.value(day)
            out += ",\"\(column.jsonName)\":" + (day.hasData ? (column.isDuration ? EventFormat.number(value) : String(Int(saturating: value))) : "null")
        }
        return out + "}"
    }
}
