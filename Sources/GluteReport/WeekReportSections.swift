import GluteCore
import GluteHistory
import GluteLiveView

extension WeekReportRenderer {
    /// A day's section, the target of its bar's link: the figures `history` shows, and its bouts.
    static func section(_ day: DayFigures, _ report: WeekReport) -> String {
        var out = "<section id=\"day-\(day.date)\">\n<h2>" + WeekReport.weekday(day.day) + " " + day.date + "</h2>\n"
        guard day.hasData else { return out + "<p class=\"nodata\">No data: no event log covers this day.</p>\n</section>\n" }
        let f = DurationText.format
        let rows: [(String, String, String)] = [
            ("worn", "Worn (monitor running)", f(day.wornSeconds)),
            ("sitting", "Sitting", f(day.sittingSeconds) + " in \(day.boutCount) bout" + (day.boutCount == 1 ? "" : "s")),
            ("longest", "Longest bout", f(day.longestBout)),
            ("breaks", "Breaks", "\(day.breaks)"),
            ("alerts", "Prolonged-sitting alerts", "\(day.prolongedAlerts)"),
            ("tilt", "Anterior tilt beyond the limit", f(day.tiltSeconds)),
            ("squeezes", "Squeezes", "\(day.squeezes)"),
            ("sets", "Exercise sets", "\(day.exerciseSets)"),
        ]
        out += "<table class=\"totals\">\n"
        for (key, name, value) in rows {
            out += "<tr data-key=\"\(key)\"><td>\(name)</td><td class=\"value\">" + ReportRenderer.escape(value) + "</td></tr>\n"
        }
        out += "</table>\n"
        if !day.bouts.isEmpty {
            let bouts = day.bouts.map { bout in
                let offset = report.localDays.utcOffset(bout.start)
                return ClockText.time(bout.start, utcOffset: offset, seconds: false) + "&ndash;"
                    + ClockText.time(bout.start + bout.length, utcOffset: offset, seconds: false) + " (" + ReportRenderer.escape(f(bout.length)) + ")"
            }
            out += "<p class=\"bouts\">Bouts: " + bouts.joined(separator: ", ") + "</p>\n"
        }
        return out + "</section>\n"
    }
}
