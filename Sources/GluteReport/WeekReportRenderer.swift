import GluteCore
import GluteHistory
import GluteLiveView
import GluteWire

/// The week report: a self-contained HTML page (inline CSS and SVG, no script, nothing fetched)
/// with a bar per day, sitting split by bout length as in the day report, the daily limit as a
/// line, alerts and squeezes under each bar, and a section per day that each bar links to.
public enum WeekReportRenderer {
    static let top = 30.0, bottom = 280.0, height = 360.0

    public static func html(_ report: WeekReport) -> String {
        let first = report.days.first?.date ?? "", last = report.days.last?.date ?? ""
        var page = ReportPage.head(title: "GluteBridge week report", heading: "Your week", style: """
            h2 { font-size: 1.15em; margin: 24px 0 4px 0; }
            .period { color: #555; font-size: 0.9em; margin-bottom: 16px; }
            table.totals { margin: 8px 0; }
            table.totals td { padding: 3px 14px 3px 0; border-bottom: 1px solid #eee; }
            .nodata { color: #888; }
            """)
        page += "<div class=\"period\">" + ReportRenderer.escape(first) + " to " + ReportRenderer.escape(last)
            + " &middot; daily sitting limit " + ReportRenderer.escape(DurationText.format(report.dailyLimit)) + "</div>\n"
        page += svg(report) + "\n" + legend(report)
        for day in report.days { page += section(day, report) }
        return page + "</body>\n</html>\n"
    }

    /// The bars alone, as an SVG drawing.
    public static func svg(_ report: WeekReport) -> String {
        let count = max(1, report.days.count)
        let slot = (ReportRenderer.plotRight - ReportRenderer.plotLeft) / Double(count)
        let peak = max(report.dailyLimit * 1.25, report.days.map(\.sittingSeconds).max() ?? 0, 3600)
        func y(_ seconds: Double) -> Double { bottom - seconds / peak * (bottom - top) }
        var out = "<svg id=\"week\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(ReportRenderer.width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"sitting per day\">\n"
        var hour = 0.0
        while hour * 3600 <= peak {
            out += "<line x1=\"\(n(ReportRenderer.plotLeft))\" x2=\"\(n(ReportRenderer.plotRight))\" y1=\"\(n(y(hour * 3600)))\" y2=\"\(n(y(hour * 3600)))\" stroke=\"#eee\"/>"
                + ReportRenderer.label(ReportRenderer.plotLeft - 8, y(hour * 3600) + 4, "\(Int(saturating: hour))h", anchor: "end") + "\n"
            hour += peak > 12 * 3600 ? 2 : 1
        }
        for (index, day) in report.days.enumerated() {
            out += bar(day, x: ReportRenderer.plotLeft + Double(index) * slot, width: slot, y: y)
        }
        let limitY = y(report.dailyLimit)
        out += "<line class=\"limit\" x1=\"\(n(ReportRenderer.plotLeft))\" x2=\"\(n(ReportRenderer.plotRight))\" y1=\"\(n(limitY))\" y2=\"\(n(limitY))\" "
            + "stroke=\"#c92a2a\" stroke-width=\"2\" stroke-dasharray=\"8 5\"><title>daily limit "
            + DurationText.format(report.dailyLimit) + "</title></line>"
        return out + "\n</svg>"
    }

    /// One day's column: the stacked bar (or "no data"), its date, alerts and squeezes.
    private static func bar(_ day: DayFigures, x: Double, width: Double, y: (Double) -> Double) -> String {
        let barX = x + width * 0.2, barWidth = width * 0.6, centre = x + width / 2
        var out = "<a href=\"#day-\(day.date)\" class=\"day\">"
        if day.hasData {
            let (short, medium, long) = day.sittingSplit(short: DayReportBuilder.mediumBout, long: DayReportBuilder.longBout)
            var base = 0.0
            for (seconds, length) in [(short, 0.0), (medium, DayReportBuilder.mediumBout), (long, DayReportBuilder.longBout + 1)] where seconds > 0 {
                out += "<rect class=\"bar \(ReportRenderer.boutClass(length))\" x=\"\(n(barX))\" y=\"\(n(y(base + seconds)))\" width=\"\(n(barWidth))\" "
                    + "height=\"\(n(y(base) - y(base + seconds)))\" fill=\"\(ReportRenderer.boutColour(length))\"><title>"
                    + DurationText.format(seconds) + " in " + ReportRenderer.boutClass(length) + " bouts</title></rect>"
                base += seconds
            }
            out += ReportRenderer.label(centre, y(base) - 6, DurationText.format(day.sittingSeconds), anchor: "middle", halo: true)
        } else {
            out += "<rect class=\"nodata\" x=\"\(n(barX))\" y=\"\(n(top))\" width=\"\(n(barWidth))\" height=\"\(n(bottom - top))\" fill=\"none\" "
                + "stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>" + ReportRenderer.label(centre, (top + bottom) / 2, "no data", anchor: "middle", colour: "#888")
        }
        out += ReportRenderer.label(centre, bottom + 18, WeekReport.weekday(day.day) + " " + String(day.date.dropFirst(5)), anchor: "middle")
        if day.hasData {
            out += "<text class=\"alerts\" x=\"\(n(centre))\" y=\"\(n(bottom + 38))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ReportRenderer.markerColour(.prolonged))\">"
                + "\(day.prolongedAlerts) alert\(day.prolongedAlerts == 1 ? "" : "s")</text>"
                + "<text class=\"squeezes\" x=\"\(n(centre))\" y=\"\(n(bottom + 56))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ReportRenderer.markerColour(.squeeze))\">"
                + "\(day.squeezes) squeeze\(day.squeezes == 1 ? "" : "s")</text>"
        }
        return out + "</a>\n"
    }

    /// The colour key under the bars (the limit line's label lives here, clear of the bars).
    private static func legend(_ report: WeekReport) -> String { """
        <div class="legend">
        <span><i class="swatch" style="background:\(ReportRenderer.boutColour(0))"></i>sitting in bouts &lt; 30 min</span>
        <span><i class="swatch" style="background:\(ReportRenderer.boutColour(DayReportBuilder.mediumBout))"></i>bouts 30&ndash;60 min</span>
        <span><i class="swatch" style="background:\(ReportRenderer.boutColour(DayReportBuilder.longBout + 1))"></i>bouts &gt; 60 min</span>
        <span><i class="swatch" style="background:#c92a2a"></i>daily limit (dashed line): \(DurationText.format(report.dailyLimit))</span>
        </div>

        """
    }

    static func n(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }
}
