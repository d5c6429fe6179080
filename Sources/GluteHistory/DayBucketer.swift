import GluteCore

/// Sorts the lines of event logs into local days. Everything is derived from the events as the
/// day report and `replay --summary` derive it (bouts by `SittingBoutTracker` from posture
/// changes, their `since` and `sitting.break`; sitting time from the seated spells; tilt from `tilt.anterior.end` durations, counts from the events), then cut at local midnight:
/// a bout or tilt episode across midnight gives each day its part; an alert, break, squeeze or
/// set counts once, on the day it happened. Pure: the zone rule is passed in.
public struct DayBucketer: Sendable {
    public private(set) var days: [Int: DayFigures] = [:]
    private let host: LocalDays
    private var zone: LocalDays
    /// Wall time minus stream time, from the latest line that carried both.
    private var shift = 0.0
    private var sessionStart: Double?
    private var last: Double?
    /// The current seated spell, and those of the open bout (for the seated time of its parts).
    private var sittingSince: Double?
    private var boutSpells: [(from: Double, to: Double)] = []
    private var bouts = SittingBoutTracker()
    private var tiltSince: Double?
    /// The day of the last counted event and its bounds: most events fall on the same day as the
    /// one before, and asking the zone rule (localtime_r) for each would cost more than the parse.
    private var cachedDay: (day: Int, start: Double, end: Double)?

    public init(localDays: LocalDays) {
        host = localDays
        zone = localDays
    }

    /// One line of the current file, in file order.
    public mutating func observe(_ line: LogLine) {
        if let wall = line.wall, let t = line.t { shift = wall - t }
        guard let wall = line.wall ?? line.t.map({ $0 + shift }) else { return }
        switch line.type {
        case "session":
            closeSession()
            // A log written in another zone is placed by the offset its session line carries.
            if let z = line.zoneOffset, z != host.utcOffset(wall) { zone = .fixed(z) } else { zone = host }
            cachedDay = nil
            sessionStart = wall
            if line.continues, line.posture == .sitting {
                sittingSince = wall
                bouts.follow(.sitting, since: wall)
            }
        case "session.end":
            last = max(last ?? wall, wall)
            closeSession()
            return
        case "posture":
            let since = (line.since ?? line.t ?? 0) + shift
            if let s = sittingSince { addSitting(from: s, to: since) }
            sittingSince = line.posture == .sitting ? since : nil
            if let posture = line.posture { bouts.follow(posture, since: since) }
        case "sitting.prolonged": count(wall) { $0.prolongedAlerts += 1 }
        case "sitting.break":
            count(wall) { $0.breaks += 1 }
            if let bout = bouts.breakObserved(at: wall, breakLength: line.breakLength ?? 0) { addBout(bout) }
        case "squeeze": count(wall) { $0.squeezes += 1 }
        case "exercise.set": count(wall) { $0.exerciseSets += 1 }
        case "tilt.anterior.start": tiltSince = wall - (line.delay ?? 0)
        case "tilt.anterior.end":
            addTilt(from: wall - (line.duration ?? 0), to: wall)
            tiltSince = nil
        case "link.gap": count(wall) { $0.wornSeconds -= line.duration ?? 0 }
        default: break
        }
        if sessionStart == nil { sessionStart = wall }
        last = max(last ?? wall, wall)
    }

    /// The end of the current file: what is still open ends at its last line.
    public mutating func endFile() {
        closeSession()
        zone = host
        cachedDay = nil
    }

    private mutating func closeSession() {
        guard let start = sessionStart, let end = last else { return }
        if let s = sittingSince { addSitting(from: s, to: end) }
        if let bout = bouts.finish(at: end) { addBout(bout) }
        bouts = SittingBoutTracker()
        boutSpells = []
        if let t = tiltSince { addTilt(from: t, to: end) }
        spread(from: start, to: max(start, end)) { day, _, length in day.wornSeconds += length }
        count(start) { _ in }
        sittingSince = nil
        tiltSince = nil
        sessionStart = nil
        last = nil
    }

    private mutating func count(_ wall: Double, _ change: (inout DayFigures) -> Void) {
        let day = bounds(wall).day
        change(&days[day, default: DayFigures(day: day)])
        days[day]!.hasData = true
    }

    private mutating func addSitting(from: Double, to: Double) {
        spread(from: from, to: to) { day, _, length in day.sittingSeconds += length }
        boutSpells.append((from, to))
    }

    /// Each day's part of the bout, with the seated time of its spells that fell in that part.
    private mutating func addBout(_ bout: SittingBout) {
        let spells = boutSpells
        boutSpells = []
        spread(from: bout.start, to: bout.end) { day, start, length in
            let end = start + length
            let sitting = spells.reduce(0.0) { $0 + max(0, min($1.to, end) - max($1.from, start)) }
            day.bouts.append(.init(start: start, length: length, sitting: sitting))
        }
    }

    private mutating func addTilt(from: Double, to: Double) {
        spread(from: from, to: to) { day, _, length in day.tiltSeconds += length }
    }

    /// Gives each day its share (start, length) of the wall-clock interval `from..<to`.
    private mutating func spread(from: Double, to: Double, _ body: (inout DayFigures, Double, Double) -> Void) {
        guard from.isFinite, to.isFinite else { return }
        var start = from
        while start < to {
            let day = bounds(start)
            let end = min(to, day.end)
            guard end > start else { return }
            body(&days[day.day, default: DayFigures(day: day.day)], start, end - start)
            days[day.day]!.hasData = true
            start = end
        }
    }

    /// The local day of `wall` and where it begins and ends, remembered: most lines fall on the
    /// same day as the one before, and asking the zone rule (localtime_r) each time would cost more
    /// than reading the line.
    private mutating func bounds(_ wall: Double) -> (day: Int, start: Double, end: Double) {
        if let c = cachedDay, wall >= c.start, wall < c.end { return c }
        let day = zone.day(wall)
        let found = (day: day, start: zone.midnight(day), end: zone.midnight(day + 1))
        cachedDay = found
        return found
    }
}
