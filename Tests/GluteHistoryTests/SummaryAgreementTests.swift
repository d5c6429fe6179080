import Foundation
import GluteCore
import GluteHistory
import GluteLog
import Testing

/// The history's days against what `replay --summary` and the day report compute from the same
/// file (`EventLog` read back, `SessionSummary` over its events, closed at its last line).
@Suite("history: the same figures as the session summary of a day's file")
struct SummaryAgreementTests {
    func summary(of text: String) throws -> SessionSummary {
        let path = NSTemporaryDirectory() + "summary-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try #require(try EventLog.read(path))
        var summary = SessionSummary()
        log.events.forEach { summary.observe($0) }
        summary.finish(at: log.lastTime)
        return summary
    }

    @Test("a full day, and a day that continues a bout from the day before", arguments: [
        (HistoryFixtures.march2.replacingOccurrences(of: "{\"type\":\"posture\",\"t\":5200,\"ti\n", with: ""), "2026-03-02"),
        (HistoryFixtures.march3, "2026-03-03"),
    ])
    func agrees(text: String, date: String) throws {
        let s = try summary(of: text)
        let (days, warnings) = HistoryFixtures.load([("day.jsonl", text)])
        #expect(warnings.isEmpty)
        let d = try #require(days[HistoryFixtures.day(date)])
        #expect(d.sittingSeconds == s.sittingSeconds)
        #expect(d.boutCount == s.sittingBouts)
        #expect(d.longestBout == s.longestBout)
        #expect(d.breaks == s.breaks)
        #expect(d.prolongedAlerts == s.prolongedAlerts)
        #expect(d.tiltSeconds == s.tiltSeconds)
        #expect(d.squeezes == s.squeezes)
        #expect(d.exerciseSets == s.sets)
        #expect(d.sittingSeconds > 0)
    }
}
