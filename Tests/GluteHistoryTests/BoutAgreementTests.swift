import GluteCore
import GluteHistory
import GluteLog
import Testing

/// Issue 12's report: a 30 min `sitting.prolonged` beside a summary whose longest bout was 19 min.
/// The detector keeps a bout through an upright spell shorter than the break length; the summary
/// and the history must count that bout the same way.
@Suite("sitting bouts: the alert, the summary and the history count the same bouts")
struct BoutAgreementTests {
    /// Confirmed postures (posture, onset) as the debouncer hands them on: each confirmed 3 s
    /// after its onset. Returns the detector's and the posture events, in time order, and the
    /// last sample's time.
    func run(_ timeline: [(Posture, Double)], until end: Double, settings: SittingSettings = SittingSettings()) -> ([Event], Double) {
        var detector = SittingBoutDetector(settings: settings)
        var events: [Event] = []
        var current = -1
        var t = 0.0
        while t <= end {
            while current + 1 < timeline.count && timeline[current + 1].1 + 3 <= t {
                current += 1
                let (posture, since) = timeline[current]
                events.append(Event(time: t, kind: .posture(posture, since: since, previous: current > 0 ? timeline[current - 1].0 : nil)))
            }
            if current >= 0 {
                detector.update(time: t, posture: timeline[current].0, since: timeline[current].1) { events.append($0) }
            }
            t += 1
        }
        return (events, end)
    }

    /// Sitting 19 min, up 30 s (under the 60 s break), sitting again until 40 min, then a break.
    let interruptedDay: [(Posture, Double)] = [(.standing, 0), (.sitting, 10), (.standing, 1150), (.sitting, 1180), (.standing, 2410)]

    @Test("a short stand inside a bout: one bout, at least as long as the alert says")
    func summaryAgrees() throws {
        let (events, end) = run(interruptedDay, until: 2700)
        let alerts = events.compactMap { e -> Double? in
            if case let .sittingProlonged(_, duration, _) = e.kind { return duration } else { return nil }
        }
        #expect(alerts.count == 1)
        #expect(events.filter { $0.type == "sitting.break" }.count == 1)
        var summary = SessionSummary()
        events.forEach { summary.observe($0) }
        summary.finish(at: end)
        #expect(summary.sittingBouts == 1)
        let alerted = try #require(alerts.first)
        #expect(summary.longestBout >= alerted)
        #expect(summary.longestBout == 2400)
        // Sitting time stays the time seated: the 30 s stand is in the bout, not in sitting_s.
        #expect(summary.sittingSeconds == 2370)
    }

    @Test("the history of the same events: one bout of 40 min, split by seated time for the week bars")
    func historyAgrees() throws {
        let (events, end) = run(interruptedDay, until: 2700)
        let wall0 = Double(CivilDate.days(year: 2026, month: 3, day: 2) * 86_400 + 8 * 3600)
        var text = EventFormat.jsonl.header(source: "sim", wallTime: wall0, tool: "test")! + "\n"
        for e in events { text += EventFormat.json(e, wallTime: wall0 + e.time) + "\n" }
        text += "{\"type\":\"session.end\",\"t\":\(Int(end)),\"time\":\"2026-03-02T08:45:00.000Z\",\"reason\":\"stop\"}\n"
        let (days, warnings) = HistoryFixtures.load([("day.jsonl", text)])
        #expect(warnings.isEmpty)
        let d = try #require(days[HistoryFixtures.day("2026-03-02")])
        #expect(d.boutCount == 1)
        #expect(d.longestBout == 2400)
        #expect(d.breaks == 1 && d.prolongedAlerts == 1)
        #expect(d.sittingSeconds == 2370)
        let split = d.sittingSplit(short: 1800, long: 3600)
        #expect(split.0 == 0 && split.1 == 2370 && split.2 == 0)
    }
}
