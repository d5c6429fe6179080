import Foundation
import GluteCore
import GluteHistory
import GluteLog
import Testing

@Suite("daily event logs: one file per local day")
struct DailyEventLogTests {
    let start = Double(CivilDate.days(year: 2026, month: 3, day: 2) * 86_400 + 23 * 3600)  // 2 March 23:00 UTC

    func timed(_ t: Double, _ kind: EventKind) -> TimedEvent { TimedEvent(event: Event(time: t, kind: kind), wall: start + t) }

    @Test("rotates at local midnight: each file starts with its session line, 0600; a bout across midnight is split; old days pruned")
    func rotation() throws {
        let dir = NSTemporaryDirectory() + "daily-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/events-2025-01-01.jsonl", contents: Data())
        FileManager.default.createFile(atPath: dir + "/notes.txt", contents: Data())
        let log = try DailyEventLog(directory: dir, source: "sim", tool: "test", startWall: start, keepDays: 365, utcOffset: { _ in 0 })
        try log.append(timed(10, .posture(.sitting, since: 10, previous: .standing)))
        try log.append(timed(7200, .squeeze(start: 7195, duration: 5, side: .both, strength: 0.5, source: .imu)))
        try log.finish(lastStreamTime: 7300)

        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["events-2026-03-02.jsonl", "events-2026-03-03.jsonl", "notes.txt"])
        for name in names where name.hasSuffix(".jsonl") {
            let mode = (try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
        }
        let second = try String(contentsOfFile: dir + "/events-2026-03-03.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(second.first == "{\"schema\":1,\"type\":\"session\",\"t\":3600,\"time\":\"2026-03-03T00:00:00.000Z\",\"source\":\"sim\",\"tool\":\"test\","
                + "\"continues\":true,\"posture\":\"sitting\",\"posture_since\":10}")
        #expect(second.last == "{\"type\":\"session.end\",\"t\":7300,\"time\":\"2026-03-03T01:01:40.000Z\",\"reason\":\"stop\"}")

        let days = try HistoryLoader.load([dir], localDays: .fixed(0)) { Issue.record("warning: \($0)") }
        let d2 = try #require(days[CivilDate.days(year: 2026, month: 3, day: 2)])
        let d3 = try #require(days[CivilDate.days(year: 2026, month: 3, day: 3)])
        #expect(d2.wornSeconds == 3600 && d2.sittingSeconds == 3590 && d2.boutCount == 1 && d2.squeezes == 0)
        #expect(d3.wornSeconds == 3700 && d3.sittingSeconds == 3700 && d3.boutCount == 1 && d3.squeezes == 1)
    }

    @Test("the session line carries the writer's offset")
    func offsetInSessionLine() {
        #expect(LocalClockText.iso8601(0, utcOffset: 7200) == "1970-01-01T02:00:00.000+02:00")
        #expect(LocalClockText.iso8601(0, utcOffset: -5 * 3600 - 1800) == "1969-12-31T18:30:00.000-05:30")
        #expect(LocalClockText.iso8601(0, utcOffset: 0) == "1970-01-01T00:00:00.000Z")
    }

    @Test("across the spring-forward night: files cut at local midnights, each session line with its day's offset")
    func rotationAcrossDST() throws {
        let spring = Double(CivilDate.days(year: 2026, month: 3, day: 29) * 86_400 + 3600)
        let rule: (Double) -> Int = { $0 >= spring ? 7200 : 3600 }
        let dir = NSTemporaryDirectory() + "daily-dst-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 28 March 23:30 local (22:30 UTC) to 30 March 00:30 local (29 March 22:30 UTC): 24 hours.
        let begin = Double(CivilDate.days(year: 2026, month: 3, day: 28) * 86_400 + 22 * 3600 + 1800)
        let log = try DailyEventLog(directory: dir, source: "sim", tool: "test", startWall: begin, keepDays: 365, utcOffset: rule)
        try log.append(TimedEvent(event: Event(time: 86_400, kind: .sittingBreak(bout: 60, breakLength: 60)), wall: begin + 86_400))
        try log.finish(lastStreamTime: 86_400)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["events-2026-03-28.jsonl", "events-2026-03-29.jsonl", "events-2026-03-30.jsonl"])
        let heads = try names.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8).split(separator: "\n").map(String.init) }
        #expect(heads[0][0].contains("\"t\":0,\"time\":\"2026-03-28T23:30:00.000+01:00\""))
        #expect(heads[1][0].contains("\"t\":1800,\"time\":\"2026-03-29T00:00:00.000+01:00\""))
        #expect(heads[2][0].contains("\"t\":84600,\"time\":\"2026-03-30T00:00:00.000+02:00\""))
        let days = try HistoryLoader.load([dir], localDays: LocalDays { $0 >= spring ? 7200 : 3600 }) { Issue.record("warning: \($0)") }
        #expect(days[CivilDate.days(year: 2026, month: 3, day: 29)]?.wornSeconds == 82_800)
        #expect(days[CivilDate.days(year: 2026, month: 3, day: 30)]?.breaks == 1)
    }

    @Test("a clock jumping years ahead starts one new file, not one per day in between")
    func clockJump() throws {
        let dir = NSTemporaryDirectory() + "daily-jump-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = try DailyEventLog(directory: dir, source: "sim", tool: "test", startWall: 0, keepDays: 36_500, utcOffset: { _ in 0 })
        let later = Double(CivilDate.days(year: 2026, month: 3, day: 2) * 86_400 + 3600)
        try log.append(TimedEvent(event: Event(time: 10, kind: .sittingBreak(bout: 60, breakLength: 60)), wall: later))
        try log.finish(lastStreamTime: 11)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["events-1970-01-01.jsonl", "events-1970-01-02.jsonl", "events-1970-01-03.jsonl", "events-2026-03-02.jsonl"])
    }
}
