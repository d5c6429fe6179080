import GluteCore
import GluteLiveView
import GluteLog

/// What the day report shows, on one time axis shared by every source file. Axis times are
/// seconds: wall-clock seconds since the epoch when `wallClock`, else stream seconds with the
/// sources laid end to end.
public struct DayReport: Sendable {
    /// A sitting bout on the axis.
    public struct Bout: Sendable, Equatable {
        public var start: Double
        public var end: Double
        public var length: Double { end - start }
    }

    /// What a marker on the timeline stands for.
    public enum MarkerKind: String, Sendable, CaseIterable {
        case prolonged = "sitting.prolonged"
        case tilt = "tilt.anterior.start"
        case pelvicDrop = "pelvic_drop"
        case sittingBreak = "sitting.break"
        case squeeze
        case rep = "exercise.rep"
        case shortRep = "exercise.rep.short"
    }

    /// One instant worth marking, with the text shown when hovering it (a `<title>`).
    public struct Marker: Sendable, Equatable {
        public var time: Double
        public var kind: MarkerKind
        public var detail: String
    }

    /// One point of the tilt plot: the largest tilt within its bin, degrees.
    public struct TiltPoint: Sendable, Equatable {
        public var time: Double
        public var degrees: Double
    }

    /// Where the data came from (paths or device names, shown escaped).
    public var sources: [String]
    /// Axis times are epoch seconds (labels in local clock time) rather than stream seconds.
    public var wallClock: Bool
    /// Local time minus UTC, seconds, for clock labels.
    public var utcOffset: Int
    public var start: Double
    public var end: Double
    public var bouts: [Bout]
    /// Alerts and breaks.
    public var markers: [Marker]
    /// Squeezes and exercise reps.
    public var ticks: [Marker]
    public var tilt: [TiltPoint]
    /// The anterior tilt limit the detection used, degrees.
    public var tiltThreshold: Double
    public var summary: SessionSummary

    /// The longest sitting bout, if any (the first of equals).
    public var longestBout: Bout? {
        bouts.reduce(nil) { best, b in (best == nil || b.length > best!.length) ? b : best }
    }
}

/// Collects a day report from events and tilt values, one source after another.
public struct DayReportBuilder: Sendable {
    /// Sitting bouts less than this are drawn as short, s (30 min).
    public static let mediumBout = 1800.0
    /// Sitting bouts beyond this are drawn as long, s (60 min).
    public static let longBout = 3600.0
    /// The tilt plot keeps at most this many points.
    public static let maxTiltPoints = 2000

    private var report: DayReport
    private var offset = 0.0
    /// Bouts by the detector's rule, as the summary counts them (a short stand stays inside).
    private var bouts = SittingBoutTracker()
    private var lastTime: Double?
    /// Per-second maximum tilt, in time order.
    private var tiltSeconds: [DayReport.TiltPoint] = []

    /// - Parameters:
    ///   - wallClock: the axis is wall-clock time (every source knows its wall times).
    ///   - tiltThreshold: the anterior tilt limit, degrees.
    public init(wallClock: Bool, utcOffset: Int, tiltThreshold: Double) {
        report = DayReport(sources: [], wallClock: wallClock, utcOffset: utcOffset, start: .infinity, end: -.infinity,
                           bouts: [], markers: [], ticks: [], tilt: [], tiltThreshold: tiltThreshold, summary: SessionSummary())
    }

    /// Starts a source whose stream time `t` lies at axis time `t + offset`. Without wall clocks,
    /// pass nil to place it right after the previous source.
    public mutating func beginSource(_ label: String, offset: Double?) {
        report.sources.append(label)
        self.offset = offset ?? (report.end.isFinite ? report.end : 0)
        lastTime = nil
    }

    /// One event of the current source (stream time).
    public mutating func observe(_ event: Event) {
        let e = DayReportBuilder.shifted(event, by: offset)
        report.summary.observe(e)
        extend(e.time)
        if let bout = bouts.observe(e) { report.bouts.append(.init(start: bout.start, end: bout.end)) }
        switch e.kind {
        case let .sittingProlonged(_, duration, _):
            report.markers.append(.init(time: e.time, kind: .prolonged, detail: "sitting for " + ClockText.duration(duration)))
        case let .sittingBreak(bout, breakLength):
            report.markers.append(.init(time: e.time, kind: .sittingBreak,
                                        detail: "break after " + ClockText.duration(bout) + " sitting (upright " + ClockText.duration(breakLength) + ")"))
        case let .tiltAnteriorStart(angle, threshold, _):
            report.markers.append(.init(time: e.time, kind: .tilt,
                                        detail: "anterior tilt " + NumberText.fixed(angle, decimals: 1) + "° (limit " + NumberText.fixed(threshold, decimals: 1) + "°)"))
        case let .pelvicDrop(side, angle, _, _):
            report.markers.append(.init(time: e.time, kind: .pelvicDrop, detail: "pelvic drop " + side.rawValue + " " + NumberText.fixed(angle, decimals: 1) + "°"))
        case let .squeeze(_, duration, side, strength, _):
            report.ticks.append(.init(time: e.time, kind: .squeeze,
                                      detail: "squeeze " + side.rawValue + " " + NumberText.fixed(duration, decimals: 1) + " s, strength " + NumberText.fixed(strength, decimals: 2)))
        case let .exerciseRep(rep, hold, target, short):
            report.ticks.append(.init(time: e.time, kind: short ? .shortRep : .rep,
                                      detail: "rep \(rep): held " + NumberText.fixed(hold, decimals: 1) + " s of " + NumberText.fixed(target, decimals: 1) + (short ? " (short)" : "")))
        default:
            break
        }
    }

    /// The pelvic tilt of the current source at stream time `time`, degrees.
    public mutating func observeTilt(time: Double, degrees: Double) {
        guard degrees.isFinite else { return }
        let t = time + offset
        extend(t)
        let second = t.rounded(.down)
        if let last = tiltSeconds.last, last.time == second {
            if degrees > last.degrees { tiltSeconds[tiltSeconds.count - 1].degrees = degrees }
        } else {
            tiltSeconds.append(.init(time: second, degrees: degrees))
        }
    }

    /// Ends the current source at its last sample's stream time, closing an open bout there.
    public mutating func endSource(lastSampleTime: Double?) {
        let end = lastSampleTime.map { $0 + offset } ?? lastTime
        if let end { extend(end) }
        if let end, let bout = bouts.finish(at: end) { report.bouts.append(.init(start: bout.start, end: bout.end)) }
        bouts = SittingBoutTracker()
        report.summary.finish(at: end)
    }

    /// The report, with the tilt reduced to at most `maxTiltPoints` points (the maximum per bin,
    /// so that no episode above the threshold disappears).
    public func build() -> DayReport {
        var out = report
        if !out.start.isFinite { out.start = 0; out.end = 0 }
        let points = tiltSeconds.sorted { $0.time < $1.time }
        let binsNeeded = (points.count + DayReportBuilder.maxTiltPoints - 1) / DayReportBuilder.maxTiltPoints
        if binsNeeded <= 1 {
            out.tilt = points
        } else {
            out.tilt.reserveCapacity(DayReportBuilder.maxTiltPoints)
            var i = 0
            while i < points.count {
                let slice = points[i..<min(points.count, i + binsNeeded)]
                out.tilt.append(slice.max { $0.degrees < $1.degrees }!)
                i += binsNeeded
            }
        }
        return out
    }

    private mutating func extend(_ t: Double) {
        guard t.isFinite else { return }
        report.start = min(report.start, t)
        report.end = max(report.end, t)
        lastTime = max(lastTime ?? t, t)
    }

    /// The event with every stream time in it moved by `offset`.
    package static func shifted(_ event: Event, by offset: Double) -> Event {
        var kind = event.kind
        switch kind {
        case let .posture(p, since, previous): kind = .posture(p, since: since + offset, previous: previous)
        case let .sittingProlonged(since, d, l): kind = .sittingProlonged(since: since + offset, duration: d, limit: l)
        case let .squeeze(start, d, side, s, src): kind = .squeeze(start: start + offset, duration: d, side: side, strength: s, source: src)
        default: break
        }
        return Event(time: event.time + offset, kind: kind)
    }
}
