import GluteCore
import Testing

@Suite struct SittingBoutDetectorTests {
    let settings = SittingSettings(limit: 100, breakMin: 20, repeatInterval: 50)

    /// Feeds a confirmed-posture timeline (posture, since) sampled at 10 Hz.
    func run(_ timeline: [(Posture, Double)], until end: Double) -> [Event] {
        var detector = SittingBoutDetector(settings: settings)
        var events: [Event] = []
        var i = 0
        for step in 0..<Int(end * 10) {
            let t = Double(step) / 10
            while i + 1 < timeline.count && timeline[i + 1].1 <= t { i += 1 }
            detector.update(time: t, posture: timeline[i].0, since: timeline[i].1) { events.append($0) }
        }
        return events
    }

    @Test func prolongedAtLimitAndEveryRepeatThenBreak() {
        let events = run([(.sitting, 0), (.standing, 230)], until: 300)
        #expect(events.map(\.type) == ["sitting.prolonged", "sitting.prolonged", "sitting.prolonged", "sitting.break"])
        #expect(events.map(\.time) == [100, 150, 200, 250])
        if case let .sittingBreak(bout, breakLength) = events[3].kind {
            #expect(bout == 230)
            #expect(breakLength == 20)
        } else {
            Issue.record("expected a break")
        }
        if case let .sittingProlonged(since, duration, limit) = events[1].kind {
            #expect(since == 0 && duration == 150 && limit == 100)
        } else {
            Issue.record("expected a sitting.prolonged, got \(events[1].kind)")
        }
    }

    @Test func shortStandsDoNotBreakTheBout() {
        // Up for 15 s (< 20 s) twice: one bout, one alert at 100 s.
        let events = run([(.sitting, 0), (.standing, 40), (.sitting, 55), (.walking, 80), (.sitting, 95)], until: 120)
        #expect(events.map(\.type) == ["sitting.prolonged"])
        #expect(events.first?.time == 100)
    }

    @Test func noEventsWhenNeverSitting() {
        #expect(run([(.standing, 0), (.walking, 50), (.lying, 100)], until: 400).isEmpty)
    }
}
