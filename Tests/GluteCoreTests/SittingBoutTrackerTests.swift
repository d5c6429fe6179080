import GluteCore
import Testing

/// The bout rule as readers of events apply it (the detector's side is SittingBoutDetectorTests).
@Suite struct SittingBoutTrackerTests {
    func posture(_ p: Posture, since: Double) -> Event { Event(time: since + 3, kind: .posture(p, since: since, previous: nil)) }

    @Test func aBreakEndsTheBoutWhereTheUprightSpellBegan() {
        var tracker = SittingBoutTracker()
        #expect(tracker.observe(posture(.sitting, since: 10)) == nil)
        #expect(tracker.observe(posture(.standing, since: 100)) == nil)
        #expect(tracker.observe(posture(.sitting, since: 130)) == nil)  // 30 s up, no break: same bout
        #expect(tracker.observe(posture(.lying, since: 200)) == nil)    // lying stays inside
        #expect(tracker.observe(posture(.walking, since: 300)) == nil)
        let ended = tracker.observe(Event(time: 360, kind: .sittingBreak(bout: 290, breakLength: 60)))
        #expect(ended == SittingBout(start: 10, end: 300))
        #expect(tracker.boutStart == nil)
    }

    @Test func aBreakWithNoBoutOpenIsNoBout() {
        // A daily file begun upright at midnight: yesterday's file closed the bout.
        var tracker = SittingBoutTracker()
        #expect(tracker.observe(posture(.standing, since: 0)) == nil)
        #expect(tracker.observe(Event(time: 30, kind: .sittingBreak(bout: 900, breakLength: 60))) == nil)
    }

    @Test func theStreamEndingClosesAnOpenBout() {
        var upright = SittingBoutTracker()
        _ = upright.observe(posture(.sitting, since: 0))
        _ = upright.observe(posture(.standing, since: 500))
        #expect(upright.finish(at: 520) == SittingBout(start: 0, end: 500))
        var seated = SittingBoutTracker()
        _ = seated.observe(posture(.sitting, since: 0))
        #expect(seated.finish(at: 520) == SittingBout(start: 0, end: 520))
        #expect(seated.finish(at: 600) == nil)
    }
}
