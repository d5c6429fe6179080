/// One sitting bout: from the onset of sitting to the onset of the upright spell that ended it.
public struct SittingBout: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var length: Double { end - start }

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }
}

/// The one rule for what a sitting bout is, shared by the detector (`sitting.prolonged`,
/// `sitting.break`) and everything that counts bouts from its events (the session summary, the
/// day report, the history): a bout starts when sitting begins and goes on through lying and
/// through upright spells shorter than the break length; it ends where the upright spell that
/// reached the break length began. The detector times the spell (`breakReached`); readers of
/// events take its verdict from the `sitting.break` event (`breakObserved`), since they cannot
/// know the `--break-min` it ran with.
public struct SittingBoutTracker: Sendable, Equatable {
    public private(set) var boutStart: Double?
    /// Where the current upright spell inside the bout began.
    public private(set) var uprightSince: Double?

    public init() {}

    /// The current bout's length at `time`, or 0 outside a bout.
    public func length(at time: Double) -> Double {
        boutStart.map { max(0, time - $0) } ?? 0
    }

    /// The confirmed posture, held since `since`.
    public mutating func follow(_ posture: Posture, since: Double) {
        switch posture {
        case .sitting:
            uprightSince = nil
            if boutStart == nil { boutStart = since }
        case .standing, .walking:
            if boutStart != nil, uprightSince == nil { uprightSince = since }
        case .lying:
            uprightSince = nil
        }
    }

    /// The detector's side: at `time`, has the upright spell lasted `breakMin`? Then the bout is
    /// over, ended where the spell began.
    public mutating func breakReached(at time: Double, breakMin: Double) -> SittingBout? {
        guard let upright = uprightSince, boutStart != nil, time - upright >= breakMin else { return nil }
        return close(at: upright)
    }

    /// The readers' side: a `sitting.break` at `time`, upright for `breakLength` so far, ends the
    /// open bout. A break with no bout open belongs to a bout this stream did not see begin (a
    /// daily file's previous day closed it), and is not a bout here.
    public mutating func breakObserved(at time: Double, breakLength: Double) -> SittingBout? {
        guard boutStart != nil else { return nil }
        return close(at: uprightSince ?? time - breakLength)
    }

    /// Posture changes and breaks from a stream of events; the bout a break ended, if any.
    public mutating func observe(_ event: Event) -> SittingBout? {
        switch event.kind {
        case let .posture(posture, since, _):
            follow(posture, since: since)
            return nil
        case let .sittingBreak(_, breakLength):
            return breakObserved(at: event.time, breakLength: breakLength)
        default:
            return nil
        }
    }

    /// The stream stopped at `time`: an open bout ends there, or where its last upright spell
    /// began when it stopped upright.
    public mutating func finish(at time: Double) -> SittingBout? {
        guard boutStart != nil else { return nil }
        return close(at: uprightSince ?? time)
    }

    private mutating func close(at end: Double) -> SittingBout {
        let start = boutStart!
        boutStart = nil
        uprightSince = nil
        return SittingBout(start: start, end: max(start, end))
    }
}
