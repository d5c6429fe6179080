import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GluteCore
@testable import GluteSession
@testable import GluteReport
import Testing

/// A made-up day: three sitting bouts of 2000 s, 3900 s and 400 s (one of each colour class),
/// alerts, squeezes and reps, and a 10 Hz tilt signal with one spike.
private func sampleDay(label: String = "desk.gbcap", wallClock: Bool = false, utcOffset: Int = 0, start: Double = 0) -> DayReport {
    var builder = DayReportBuilder(wallClock: wallClock, utcOffset: utcOffset, tiltThreshold: 10)
    builder.beginSource(label, offset: wallClock ? start : nil)
    let postures: [(Double, Posture)] = [(10, .sitting), (2010, .standing), (2100, .sitting), (6000, .walking), (6100, .sitting)]
    var previous: Posture?
    var events: [Event] = []
    for (since, posture) in postures {
        events.append(Event(time: since + 5, kind: .posture(posture, since: since, previous: previous)))
        previous = posture
    }
    events.append(Event(time: 3900, kind: .sittingProlonged(since: 2100, duration: 1800, limit: 1800)))
    // Both upright spells reach the 60 s break, so the detector ended both bouts.
    events.append(Event(time: 2070, kind: .sittingBreak(bout: 2000, breakLength: 60)))
    events.append(Event(time: 6060, kind: .sittingBreak(bout: 3900, breakLength: 60)))
    events.append(Event(time: 4000, kind: .tiltAnteriorStart(angle: 14, threshold: 10, delay: 5)))
    events.append(Event(time: 4030, kind: .tiltAnteriorEnd(peak: 16, threshold: 10, duration: 35)))
    events.append(Event(time: 6050, kind: .pelvicDrop(side: .left, angle: 8, threshold: 7, stance: .right)))
    for i in 0..<4 {
        events.append(Event(time: 2200 + Double(i) * 20, kind: .squeeze(start: 2195 + Double(i) * 20, duration: 3, side: .both, strength: 0.5, source: .imu)))
    }
    for rep in 1...3 {
        events.append(Event(time: 6020 + Double(rep) * 10, kind: .exerciseRep(rep: rep, hold: 5, target: 5, short: rep == 3)))
    }
    // In time order, as a stream delivers them.
    for event in events.sorted(by: { $0.time < $1.time }) { builder.observe(event) }
    var t = 0.0
    while t < 6500 {
        builder.observeTilt(time: t, degrees: abs(t - 4010) < 0.05 ? 31.5 : 2 * sin(t / 100))
        t += 0.1
    }
    builder.endSource(lastSampleTime: 6500)
    return builder.build()
}

private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// Tags opened and closed in order (self-closing ones counted as both), for when no XML parser
/// is at hand.
private func tagsBalance(_ xml: String) -> Bool {
    var stack: [String] = []
    var rest = Substring(xml)
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { return false }
        let tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasSuffix("/") || tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
        let name = String(tag.split(separator: " ").first ?? "")
        if name.hasPrefix("/") {
            guard stack.popLast() == String(name.dropFirst()) else { return false }
        } else {
            stack.append(name)
        }
    }
    return stack.isEmpty
}

@Suite("Day report rendering")
struct ReportRendererTests {
    @Test("bouts come out as one bar each, classed by length, and agree with the summary")
    func boutsMatchSummary() {
        let report = sampleDay()
        #expect(report.summary.sittingBouts == 3)
        #expect(report.bouts.count == report.summary.sittingBouts)
        let svg = ReportRenderer.svg(report)
        #expect(occurrences("class=\"bout ", in: svg) == report.summary.sittingBouts)
        #expect(occurrences("class=\"bout short\"", in: svg) == 1)
        #expect(occurrences("class=\"bout medium\"", in: svg) == 1)
        #expect(occurrences("class=\"bout long\"", in: svg) == 1)
        #expect(report.longestBout?.length == 3900)
        #expect(abs((report.longestBout?.length ?? 0) - report.summary.longestBout) < 1e-9)
    }

    @Test("the SVG is well-formed XML")
    func svgWellFormed() throws {
        let svg = ReportRenderer.svg(sampleDay(label: "a <b> & \"c\""))
        #expect(tagsBalance(svg))
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(xmlString: svg, options: [])
        #expect(document.rootElement()?.name == "svg")
        let bars = try document.nodes(forXPath: "//*[local-name()='rect'][starts-with(@class,'bout ')]")
        #expect(bars.count == 3)
        #endif
    }

    @Test("no script and no network references in the page or the SVG")
    func selfContained() {
        let report = sampleDay()
        for text in [ReportRenderer.html(report), ReportRenderer.svg(report)] {
            #expect(!text.lowercased().contains("<script"))
            let withoutNamespace = text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains("http://"))
            #expect(!withoutNamespace.contains("https://"))
            #expect(!withoutNamespace.contains("url("))
        }
    }

    @Test("text from files is entity-escaped")
    func escapesSourceText() throws {
        let hostile = "<script>alert('x')</script> & \"co\""
        let html = ReportRenderer.html(sampleDay(label: hostile))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(ReportRenderer.escape("a\u{1}b") == "a\u{FFFD}b")
    }

    @Test("the page has balanced structure, the totals and the longest bout")
    func pageContents() {
        let report = sampleDay()
        let html = ReportRenderer.html(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for tag in ["svg", "table", "body", "html", "style", "div", "g"] {
            #expect(occurrences("<\(tag)>", in: html) + occurrences("<\(tag) ", in: html) == occurrences("</\(tag)>", in: html), "\(tag)")
        }
        #expect(html.contains("Longest sitting bout: <strong>1h05m</strong>"))
        #expect(html.contains("Sitting</td><td class=\"value\">1h45m in 3 bouts"))
        #expect(occurrences("class=\"marker ", in: html) == 5)  // two breaks, the alert, the tilt, the drop
        #expect(occurrences("class=\"tick squeeze\"", in: html) == 4)
        #expect(occurrences("class=\"tick rep\"", in: html) == 3)
        #expect(html.contains("id=\"tilt-threshold\""))
    }

    @Test("the tilt is cut to at most 2000 points and keeps its peak")
    func tiltDownsampled() throws {
        let report = sampleDay()
        #expect(report.tilt.count <= DayReportBuilder.maxTiltPoints)
        #expect(report.tilt.count > 1000)
        let peak = try #require(report.tilt.max { $0.degrees < $1.degrees })
        #expect(peak.degrees == 31.5)
        #expect(abs(peak.time - 4010) < 10)
        let svg = ReportRenderer.svg(report)
        let points = try #require(svg.components(separatedBy: "id=\"tilt\"").dropFirst().first?.components(separatedBy: "points=\"").dropFirst().first?
            .components(separatedBy: "\"").first)
        #expect(points.split(separator: " ").count == report.tilt.count)
    }

    @Test("axis labels use local clock time when wall times are known, else stream time")
    func axisLabels() {
        // 2023-11-14 22:13:20 UTC; one hour east of UTC the day starts at 23:13:20.
        let wall = sampleDay(wallClock: true, utcOffset: 3600, start: 1_700_000_000)
        let wallHTML = ReportRenderer.html(wall)
        #expect(wallHTML.contains("23:13:20"))
        #expect(wallHTML.contains("local time"))
        let stream = ReportRenderer.html(sampleDay())
        #expect(stream.contains("0:00:00 to 1:48:20 stream time"))
    }

    @Test("sources without wall times are laid end to end")
    func concatenatesSources() {
        var builder = DayReportBuilder(wallClock: false, utcOffset: 0, tiltThreshold: 10)
        for name in ["one", "two"] {
            builder.beginSource(name, offset: nil)
            builder.observe(Event(time: 5, kind: .posture(.sitting, since: 0, previous: nil)))
            builder.endSource(lastSampleTime: 100)
        }
        let report = builder.build()
        #expect(report.bouts == [.init(start: 0, end: 100), .init(start: 100, end: 200)])
        #expect(report.summary.sittingSeconds == 200)
        #expect(report.sources == ["one", "two"])
    }
}
