import GluteCore

/// Totals of a session, accumulated from its events: what `replay --summary` and the end of
/// `monitor` print.
public struct SessionSummary: Sendable, Equatable {
    public private(set) var start: Double?
    public private(set) var end: Double?
    public private(set) var sittingSeconds = 0.0
    public private(set) var sittingBouts = 0
    public private(set) var longestBout = 0.0
    public private(set) var breaks = 0
    public private(set) var prolongedAlerts = 0
    public private(set) var tiltEpisodes = 0
    public private(set) var tiltSeconds = 0.0
    public private(set) var squeezes = 0
    public private(set) var reps = 0
    public private(set) var shortReps = 0
    public private(set) var sets = 0
    public private(set) var pelvicDrops = 0
    public private(set) var gaps = 0
    public private(set) var gapSeconds = 0.0
    public private(set) var lostFrames = 0
    public private(set) var disconnects = 0
    /// Lines of a text recording that were not samples (shown only when some were).
    public var skippedLines = 0

    /// The current spell of sitting posture (sitting time), not the bout.
    private var sittingSince: Double?
    private var bouts = SittingBoutTracker()
    private var tiltSince: Double?

    public init() {}

    public mutating func observe(_ event: Event) {
        // Min and max: the report feeds its sources by kind, not always in time order.
        start = min(start ?? event.time, event.time)
        end = max(end ?? event.time, event.time)
        if let bout = bouts.observe(event) { count(bout) }
        switch event.kind {
        case let .posture(posture, since, _):
            if let s = sittingSince { sittingSeconds += max(0, since - s) }
            sittingSince = posture == .sitting ? since : nil
        case .sittingProlonged: prolongedAlerts += 1
        case .sittingBreak: breaks += 1
        case let .tiltAnteriorStart(_, _, delay):
            tiltSince = event.time - delay
        case let .tiltAnteriorEnd(_, _, duration):
            tiltEpisodes += 1
            tiltSeconds += duration
            tiltSince = nil
        case .squeeze: squeezes += 1
        case let .exerciseRep(_, _, _, short):
            reps += 1
            if short { shortReps += 1 }
        case .exerciseSet: sets += 1
        case .pelvicDrop: pelvicDrops += 1
        case let .linkGap(duration, lost):
            gaps += 1
            gapSeconds += duration
            lostFrames += lost
        case .linkDisconnected: disconnects += 1
        case .linkConnected: break
        }
    }

    /// Closes what is still open when the stream ends at `time` (the last sample's time).
    public mutating func finish(at time: Double?) {
        guard let time else { return }
        end = max(end ?? time, time)
        if start == nil { start = time }
        if let s = sittingSince { sittingSeconds += max(0, time - s); sittingSince = nil }
        if let bout = bouts.finish(at: time) { count(bout) }
        if let t = tiltSince { tiltEpisodes += 1; tiltSeconds += max(0, time - t); tiltSince = nil }
    }

    /// Bouts by the detector's rule (short upright spells and lying inside them), so the longest
    /// is never shorter than a `sitting.prolonged` said; `sittingSeconds` is the time seated.
    private mutating func count(_ bout: SittingBout) {
        sittingBouts += 1
        longestBout = max(longestBout, bout.length)
    }

    /// The summary as lines for people.
    public var lines: [String] {
        let f = DurationText.format
        var out = ["Summary" + ((start != nil && end != nil) ? " of \(f(end! - start!)) of stream" : "")]
        out.append("  sitting        \(f(sittingSeconds)) in \(sittingBouts) bout\(sittingBouts == 1 ? "" : "s"), longest \(f(longestBout))")
        out.append("  breaks         \(breaks)   prolonged-sitting alerts \(prolongedAlerts)")
        out.append("  anterior tilt  \(f(tiltSeconds)) above the limit in \(tiltEpisodes) episode\(tiltEpisodes == 1 ? "" : "s")")
        out.append("  squeezes       \(squeezes)   exercise reps \(reps) (\(shortReps) short) in \(sets) set\(sets == 1 ? "" : "s")")
        out.append("  pelvic drops   \(pelvicDrops)")
        out.append("  link           \(gaps) gap\(gaps == 1 ? "" : "s") (\(f(gapSeconds)), \(lostFrames) frames lost), \(disconnects) disconnect\(disconnects == 1 ? "" : "s")")
        if skippedLines > 0 { out.append("  input          \(skippedLines) line\(skippedLines == 1 ? "" : "s") skipped (not samples)") }
        return out
    }

    /// The summary as one JSON object.
    public var json: String {
        let n = EventFormat.number
        return "{\"type\":\"summary\",\"sitting_s\":\(n(sittingSeconds)),\"sitting_bouts\":\(sittingBouts),\"longest_bout_s\":\(n(longestBout)),"
            + "\"breaks\":\(breaks),\"prolonged_alerts\":\(prolongedAlerts),\"tilt_s\":\(n(tiltSeconds)),\"tilt_episodes\":\(tiltEpisodes),"
            + "\"squeezes\":\(squeezes),\"reps\":\(reps),\"short_reps\":\(shortReps),\"sets\":\(sets),\"pelvic_drops\":\(pelvicDrops),"
            + "\"gaps\":\(gaps),\"gap_s\":\(n(gapSeconds)),\"lost_frames\":\(lostFrames),\"disconnects\":\(disconnects)"
            + (skippedLines > 0 ? ",\"skipped_lines\":\(skippedLines)}" : "}")
    }
}
