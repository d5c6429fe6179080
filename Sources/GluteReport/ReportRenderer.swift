import GluteCore
import GluteLiveView
import GluteWire

/// The day report as a self-contained HTML page or as the timeline SVG alone: inline CSS and SVG,
/// no script, nothing fetched from the network, so the file can be mailed or opened offline.
/// Every text that came from a file or a device is entity-escaped.
public enum ReportRenderer {
    /// Width of the timeline drawing, in SVG user units.
    package static let width = 1100.0
    package static let plotLeft = 70.0
    package static let plotRight = 1080.0

    /// The whole page.
    public static func html(_ report: DayReport) -> String {
        var page = ReportPage.head(title: "GluteBridge day report", heading: "A day at a glance", style: """
            .sources { color: #555; font-size: 0.9em; margin-bottom: 16px; }
            .callout { background: #fff4e5; border-left: 6px solid #d9480f; padding: 10px 14px; margin: 12px 0; font-size: 1.1em; }
            table.totals { margin: 12px 0; }
            table.totals td { padding: 4px 14px 4px 0; border-bottom: 1px solid #eee; }
            """)
        page += "<div class=\"sources\">" + (report.sources.isEmpty ? "no sources" : report.sources.map(escape).joined(separator: ", "))
            + " &middot; " + escape(axisText(report.start, report)) + " to " + escape(axisText(report.end, report))
            + (report.wallClock ? " local time" : " stream time") + "</div>\n"
        if let longest = report.longestBout {
            page += "<div class=\"callout\" id=\"longest\">Longest sitting bout: <strong>" + escape(ClockText.duration(longest.length))
                + "</strong>, from " + escape(axisText(longest.start, report)) + " to " + escape(axisText(longest.end, report)) + "</div>\n"
        } else {
            page += "<div class=\"callout\" id=\"longest\">No sitting bout recorded.</div>\n"
        }
        page += svg(report) + "\n"
        page += legend
        page += totals(report)
        page += "</table>\n</body>\n</html>\n"
        return page
    }

    /// The colour key under the timeline.
    private static let legend =
        """
        <div class="legend">
        <span><i class="swatch" style="background:\(boutColour(0))"></i>sitting &lt; 30 min</span>
        <span><i class="swatch" style="background:\(boutColour(DayReportBuilder.mediumBout))"></i>sitting 30&ndash;60 min</span>
        <span><i class="swatch" style="background:\(boutColour(DayReportBuilder.longBout + 1))"></i>sitting &gt; 60 min</span>
        <span><i class="swatch" style="background:\(markerColour(.sittingBreak))"></i>break</span>
        <span><i class="swatch" style="background:\(markerColour(.prolonged))"></i>prolonged sitting</span>
        <span><i class="swatch" style="background:\(markerColour(.tilt))"></i>anterior tilt</span>
        <span><i class="swatch" style="background:\(markerColour(.pelvicDrop))"></i>pelvic drop</span>
        <span><i class="swatch" style="background:\(markerColour(.squeeze))"></i>squeeze</span>
        <span><i class="swatch" style="background:\(markerColour(.rep))"></i>exercise rep</span>
        </div>

        """

    /// The day's totals as a table (opened here, closed by the page).
    private static func totals(_ report: DayReport) -> String {
        let s = report.summary
        var out = ""
        let f = ClockText.duration
        let rows: [(String, String)] = [
            ("Time covered", f(max(0, (s.end ?? 0) - (s.start ?? 0)))),
            ("Sitting", f(s.sittingSeconds) + " in \(s.sittingBouts) bout" + (s.sittingBouts == 1 ? "" : "s")),
            ("Longest bout", f(s.longestBout)),
            ("Breaks", "\(s.breaks)"),
            ("Prolonged-sitting alerts", "\(s.prolongedAlerts)"),
            ("Anterior tilt above the limit", f(s.tiltSeconds) + " in \(s.tiltEpisodes) episode" + (s.tiltEpisodes == 1 ? "" : "s")),
            ("Tilt limit", NumberText.fixed(report.tiltThreshold, decimals: 1) + "°"),
            ("Squeezes", "\(s.squeezes)"),
            ("Exercise reps", "\(s.reps) (\(s.shortReps) short) in \(s.sets) set" + (s.sets == 1 ? "" : "s")),
            ("Pelvic drops", "\(s.pelvicDrops)"),
            ("Link gaps", "\(s.gaps) (" + f(s.gapSeconds) + ", \(s.lostFrames) frames lost), \(s.disconnects) disconnects"),
        ]
        out += "<h2>Totals</h2>\n<table class=\"totals\">\n"
        for (name, value) in rows {
            out += "<tr><td>" + escape(name) + "</td><td class=\"value\">" + escape(value) + "</td></tr>\n"
        }
        return out
    }

    /// The timeline alone: bouts, breaks and alerts, the tilt against its limit, squeezes and reps.
    public static func svg(_ report: DayReport) -> String {
        let t = Timeline(report)
        let n = Timeline.n
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(saturating: width))\" height=\"\(Int(saturating: Timeline.height))\" viewBox=\"0 0 \(Int(saturating: width)) \(Int(saturating: Timeline.height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(saturating: width))\" height=\"\(Int(saturating: Timeline.height))\" fill=\"#ffffff\"/>\n"
        out += label(plotLeft - 8, Timeline.boutTop + Timeline.boutHeight / 2 + 4, "sitting", anchor: "end")
        out += label(plotLeft - 8, Timeline.markerY + 4, "alerts", anchor: "end")
        out += label(plotLeft - 8, Timeline.tickBottom - 8, "squeezes", anchor: "end")
        out += "<rect x=\"\(n(plotLeft))\" y=\"\(n(Timeline.boutTop))\" width=\"\(n(plotRight - plotLeft))\" height=\"\(n(Timeline.boutHeight))\" fill=\"#f3f3f3\"/>\n"
        out += boutLane(t) + markerLane(t) + tiltPlot(t) + tickLane(t) + timeAxis(t)
        out += "</svg>\n"
        return out
    }

    /// The timeline's geometry: lanes top to bottom, and stream time to x.
    private struct Timeline {
        static let height = 470.0
        static let boutTop = 30.0, boutHeight = 40.0
        static let markerY = 100.0
        static let tiltTop = 130.0, tiltBottom = 350.0
        static let tickTop = 375.0, tickBottom = 405.0
        static let axisY = 425.0
        static func n(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }

        let report: DayReport
        let span: Double

        init(_ report: DayReport) {
            self.report = report
            span = max(report.end - report.start, 1)
        }

        func x(_ t: Double) -> Double { plotLeft + (t - report.start) / span * (plotRight - plotLeft) }
    }

    /// Sitting bouts coloured by length, the longest outlined.
    private static func boutLane(_ t: Timeline) -> String {
        let report = t.report, n = Timeline.n, boutTop = Timeline.boutTop, boutHeight = Timeline.boutHeight
        var out = "<g id=\"bouts\">\n"
        for bout in report.bouts {
            let x0 = t.x(bout.start), w = max(1, t.x(bout.end) - x0)
            out += "<rect class=\"bout \(boutClass(bout.length))\" x=\"\(n(x0))\" y=\"\(n(boutTop))\" width=\"\(n(w))\" height=\"\(n(boutHeight))\" fill=\"\(boutColour(bout.length))\">"
                + "<title>sitting " + escape(ClockText.duration(bout.length)) + " from " + escape(axisText(bout.start, report)) + "</title></rect>\n"
        }
        if let longest = report.longestBout {
            let x0 = t.x(longest.start), w = max(1, t.x(longest.end) - x0)
            out += "<rect id=\"longest-bout\" x=\"\(n(x0))\" y=\"\(n(boutTop - 3))\" width=\"\(n(w))\" height=\"\(n(boutHeight + 6))\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>\n"
            out += label(x0 + w / 2, boutTop - 8, "longest " + ClockText.duration(longest.length), anchor: "middle")
        }
        return out + "</g>\n"
    }

    /// Breaks on the bout lane; prolonged-sitting, tilt and drop alerts on their own lane.
    private static func markerLane(_ t: Timeline) -> String {
        let n = Timeline.n, boutTop = Timeline.boutTop, boutHeight = Timeline.boutHeight, markerY = Timeline.markerY
        var out = "<g id=\"markers\">\n"
        for m in t.report.markers {
            let cx = t.x(m.time)
            let colour = markerColour(m.kind)
            let title = "<title>" + escape(axisText(m.time, t.report) + " " + m.detail) + "</title>"
            switch m.kind {
            case .sittingBreak:
                out += "<line class=\"marker break\" x1=\"\(n(cx))\" y1=\"\(n(boutTop))\" x2=\"\(n(cx))\" y2=\"\(n(boutTop + boutHeight))\" stroke=\"\(colour)\" stroke-width=\"2\">\(title)</line>\n"
            case .prolonged:
                out += "<polygon class=\"marker prolonged\" points=\"\(n(cx - 6)),\(n(markerY - 8)) \(n(cx + 6)),\(n(markerY - 8)) \(n(cx)),\(n(markerY + 4))\" fill=\"\(colour)\">\(title)</polygon>\n"
            case .tilt:
                out += "<circle class=\"marker tilt\" cx=\"\(n(cx))\" cy=\"\(n(markerY))\" r=\"5\" fill=\"\(colour)\">\(title)</circle>\n"
            default:
                out += "<rect class=\"marker drop\" x=\"\(n(cx - 5))\" y=\"\(n(markerY - 5))\" width=\"10\" height=\"10\" fill=\"\(colour)\" transform=\"rotate(45 \(n(cx)) \(n(markerY)))\">\(title)</rect>\n"
            }
        }
        return out + "</g>\n"
    }

    /// The tilt trace against its limit; the y range covers the data and the limit, with a margin.
    private static func tiltPlot(_ t: Timeline) -> String {
        let report = t.report, n = Timeline.n, tiltTop = Timeline.tiltTop, tiltBottom = Timeline.tiltBottom
        let values = report.tilt.map(\.degrees)
        var lo = min(values.min() ?? 0, 0, report.tiltThreshold) - 2
        var hi = max(values.max() ?? 0, report.tiltThreshold) + 2
        if hi - lo < 10 { hi += 5; lo -= 5 }
        func y(_ d: Double) -> Double { tiltBottom - (d - lo) / (hi - lo) * (tiltBottom - tiltTop) }
        var out = "<rect x=\"\(n(plotLeft))\" y=\"\(n(tiltTop))\" width=\"\(n(plotRight - plotLeft))\" height=\"\(n(tiltBottom - tiltTop))\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n"
        for d in gridDegrees(lo: lo, hi: hi) {
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(d)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(d)))\" stroke=\"#e6e6e6\"/>\n"
            out += label(plotLeft - 8, y(d) + 4, NumberText.fixed(d, decimals: 0) + "°", anchor: "end")
        }
        out += label(12, (tiltTop + tiltBottom) / 2, "pelvic tilt", anchor: "middle", rotate: true)
        let ty = y(report.tiltThreshold)
        out += "<line id=\"tilt-threshold\" x1=\"\(n(plotLeft))\" y1=\"\(n(ty))\" x2=\"\(n(plotRight))\" y2=\"\(n(ty))\" stroke=\"#d9480f\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n"
        out += label(plotRight - 4, ty - 4, "limit " + NumberText.fixed(report.tiltThreshold, decimals: 1) + "°", anchor: "end", colour: "#d9480f", halo: true)
        if !report.tilt.isEmpty {
            out += "<polyline id=\"tilt\" fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"1.2\" points=\""
            out += report.tilt.map { n(t.x($0.time)) + "," + n(y($0.degrees)) }.joined(separator: " ")
            out += "\"/>\n"
        } else {
            out += label((plotLeft + plotRight) / 2, (tiltTop + tiltBottom) / 2, "no tilt data", anchor: "middle", colour: "#888")
        }
        return out
    }

    /// Squeezes and exercise reps as ticks.
    private static func tickLane(_ t: Timeline) -> String {
        let n = Timeline.n
        var out = "<g id=\"ticks\">\n"
        for tick in t.report.ticks {
            let cx = t.x(tick.time)
            let top = tick.kind == .squeeze ? Timeline.tickTop : Timeline.tickTop + 10
            out += "<line class=\"tick \(tick.kind == .squeeze ? "squeeze" : "rep")\" x1=\"\(n(cx))\" y1=\"\(n(top))\" x2=\"\(n(cx))\" y2=\"\(n(Timeline.tickBottom))\" stroke=\"\(markerColour(tick.kind))\" stroke-width=\"2\">"
                + "<title>" + escape(axisText(tick.time, t.report) + " " + tick.detail) + "</title></line>\n"
        }
        return out + "</g>\n"
    }

    /// The time axis, with a faint line across the lanes at each tick.
    private static func timeAxis(_ t: Timeline) -> String {
        let report = t.report, n = Timeline.n, axisY = Timeline.axisY
        var out = "<line x1=\"\(n(plotLeft))\" y1=\"\(n(axisY))\" x2=\"\(n(plotRight))\" y2=\"\(n(axisY))\" stroke=\"#444\"/>\n"
        for time in axisTicks(report) {
            let tx = t.x(time)
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(axisY))\" x2=\"\(n(tx))\" y2=\"\(n(axisY + 5))\" stroke=\"#444\"/>\n"
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(Timeline.boutTop))\" x2=\"\(n(tx))\" y2=\"\(n(Timeline.tickBottom))\" stroke=\"#000\" stroke-opacity=\"0.08\"/>\n"
            out += label(tx, axisY + 18, axisText(time, report, seconds: false), anchor: "middle")
        }
        out += label(plotRight, axisY + 36, report.wallClock ? "local time" : "stream time (h:mm)", anchor: "end", colour: "#666")
        return out
    }

    /// Escapes text for HTML and XML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters are not allowed in XML 1.0: a device name could carry them.
            case _ where c.value < 0x20 && c != "\n" && c != "\t": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    package static func boutClass(_ length: Double) -> String {
        length < DayReportBuilder.mediumBout ? "short" : length <= DayReportBuilder.longBout ? "medium" : "long"
    }

    package static func boutColour(_ length: Double) -> String {
        switch boutClass(length) {
        case "short": return "#69db7c"
        case "medium": return "#ffa94d"
        default: return "#e03131"
        }
    }

    package static func markerColour(_ kind: DayReport.MarkerKind) -> String {
        switch kind {
        case .prolonged: return "#c2255c"
        case .tilt: return "#f08c00"
        case .pelvicDrop: return "#7048e8"
        case .sittingBreak: return "#2b8a3e"
        case .squeeze: return "#1971c2"
        case .rep: return "#0c8599"
        case .shortRep: return "#99e9f2"
        }
    }

    /// An axis time as text: local clock time, or stream time as h:mm(:ss).
    package static func axisText(_ t: Double, _ report: DayReport, seconds: Bool = true) -> String {
        if report.wallClock { return ClockText.time(t, utcOffset: report.utcOffset, seconds: seconds) }
        let total = Int(saturating: max(0, t), rounding: .down)
        let mm = total / 60 % 60, ss = total % 60
        let text = "\(total / 3600):" + (mm < 10 ? "0" : "") + "\(mm)"
        return seconds ? text + ":" + (ss < 10 ? "0" : "") + "\(ss)" : text
    }

    /// Round times (in the axis's own clock) between start and end, 4 to 12 of them.
    package static func axisTicks(_ report: DayReport) -> [Double] {
        let span = report.end - report.start
        guard span > 0 else { return [report.start] }
        let steps: [Double] = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
        // Beyond 12 days, whole days: never more than 12 ticks, however long a corrupt log claims to be.
        let step = steps.first { span / $0 <= 12 } ?? (span / 12 / 86400).rounded(.up) * 86400
        let shift = report.wallClock ? Double(report.utcOffset) : 0
        var t = ((report.start + shift) / step).rounded(.up) * step - shift
        var out: [Double] = []
        while t <= report.end + 1e-6 {
            out.append(t)
            t += step
        }
        return out
    }

    package static func gridDegrees(lo: Double, hi: Double) -> [Double] {
        let step = hi - lo > 40 ? 10.0 : 5.0
        var d = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while d <= hi { out.append(d); d += step }
        return out
    }

    package static func label(_ x: Double, _ y: Double, _ text: String, anchor: String, colour: String = "#333", rotate: Bool = false, halo: Bool = false) -> String {
        let xs = NumberText.fixed(x, decimals: 1), ys = NumberText.fixed(y, decimals: 1)
        let transform = rotate ? " transform=\"rotate(-90 \(xs) \(ys))\"" : ""
        // A white outline keeps a label readable where the tilt line runs through it.
        let outline = halo ? " stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"" : ""
        return "<text x=\"\(xs)\" y=\"\(ys)\" text-anchor=\"\(anchor)\" fill=\"\(colour)\"\(outline)\(transform)>" + escape(text) + "</text>\n"
    }
}
