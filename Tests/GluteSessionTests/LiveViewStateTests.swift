import GluteLiveView
import GluteLog
import Testing
@testable import GluteCore
@testable import GluteSession

@Suite("Live view state")
struct LiveViewStateTests {
    typealias F = LiveViewFixtures

    func timed(_ kind: EventKind, stream: Double, wall: Double) -> TimedEvent {
        TimedEvent(event: Event(time: stream, kind: kind), wall: wall)
    }

    @Test func recordKeepsTheLastBreakAfterItsEventsScrollAway() {
        var state = F.state(F.snapshot())
        let w = F.wallNow
        // Stood up at stream 1000 (wall w-300); the break counted after 60 s; sat down at 1200,
        // reported 10 s later (the minimum posture duration).
        state.record(timed(.sittingBreak(bout: 1900, breakLength: 60), stream: 1060, wall: w - 240), keeping: 3)
        #expect(state.lastBreak == BreakRecord(start: w - 300))
        state.record(timed(.posture(.sitting, since: 1200, previous: .standing), stream: 1210, wall: w - 90), keeping: 3)
        #expect(state.lastBreak == BreakRecord(start: w - 300, end: w - 100))
        for i in 0..<5 {
            state.record(timed(.squeeze(start: 0, duration: 2, side: .unknown, strength: 0.5, source: .imu),
                               stream: 1300 + Double(i), wall: w - 50 + Double(i)), keeping: 3)
        }
        #expect(state.recentEvents.count == 3)
        #expect(state.recentEvents.last?.wall == w - 46)
        #expect(state.lastBreak == BreakRecord(start: w - 300, end: w - 100))
        state.snapshot = F.snapshot(posture: .sitting, postureFor: 100, sittingBout: 100)
        let line = LiveViewRenderer.render(state, width: 80, height: 24, color: false).first { $0.contains("Last break") }
        #expect(line?.contains("1m40s ago (09:15, 3m20s)") == true)
    }

    @Test func recordTracksTheTiltEpisodeAndTheLink() {
        var state = F.state(F.snapshot(), link: .connecting)
        state.record(timed(.linkConnected(device: "WT901"), stream: 0, wall: F.wallNow - 100))
        #expect(state.link == .connected(device: "WT901"))
        state.record(timed(.tiltAnteriorStart(angle: 12, threshold: 10, delay: 5), stream: 50, wall: F.wallNow - 60))
        #expect(state.tiltSince == F.wallNow - 65)
        state.record(timed(.tiltAnteriorEnd(peak: 14, threshold: 10, duration: 30), stream: 80, wall: F.wallNow - 30))
        #expect(state.tiltSince == nil)
        state.record(timed(.linkDisconnected(reason: "EIO"), stream: 90, wall: F.wallNow - 20))
        #expect(state.link == .disconnected(reason: "EIO"))
        #expect(!state.link.isLive && !state.link.isFinal)
    }

    @Test func clockTimesFollowTheOffset() {
        #expect(ClockText.time(F.wallNow, utcOffset: 0) == "09:20:00")
        #expect(ClockText.time(F.wallNow, utcOffset: 3600) == "10:20:00")
        #expect(ClockText.time(F.wallNow, utcOffset: -10 * 3600, seconds: false) == "23:20")
        #expect(ClockText.limit(1800) == "30m")
        #expect(ClockText.limit(45) == "45s")
        #expect(NumberText.fixed(-0.04, decimals: 1, signed: true) == "+0.0")
        #expect(NumberText.fixed(-2.15, decimals: 1) == "-2.2" || NumberText.fixed(-2.15, decimals: 1) == "-2.1")
        #expect(NumberText.fixed(18.25, decimals: 2, signed: true) == "+18.25")
    }
}
