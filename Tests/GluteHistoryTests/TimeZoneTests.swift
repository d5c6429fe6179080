import GluteHistory
import Testing

/// Central European time in 2026: UTC+1, UTC+2 from 29 March 01:00 UTC to 25 October 01:00 UTC.
private let springForward = Double(CivilDate.days(year: 2026, month: 3, day: 29) * 86_400 + 3600)
private let fallBack = Double(CivilDate.days(year: 2026, month: 10, day: 25) * 86_400 + 3600)
private let berlin = LocalDays { w in w >= springForward && w < fallBack ? 7200 : 3600 }

@Suite("history: local days, clock changes and other zones")
struct TimeZoneTests {
    @Test("the spring-forward day has 23 hours, the fall-back day 25")
    func dstDayLengths() {
        let spring = CivilDate.days(year: 2026, month: 3, day: 29)
        let fall = CivilDate.days(year: 2026, month: 10, day: 25)
        #expect(berlin.midnight(spring + 1) - berlin.midnight(spring) == 23 * 3600)
        #expect(berlin.midnight(fall + 1) - berlin.midnight(fall) == 25 * 3600)
        #expect(berlin.midnight(spring - 1 + 1) - berlin.midnight(spring - 1) == 24 * 3600)
    }

    @Test("a monitor running through the spring-forward day: worn 23 h that day, the bout split at local midnight")
    func springForwardLog() throws {
        // From 28 March 23:00 (UTC+1) to 30 March 01:00 (UTC+2): 25 hours of stream time.
        let log = """
            {"schema":1,"type":"session","t":0,"time":"2026-03-28T23:00:00.000+01:00","source":"sim","tool":"test"}
            {"type":"posture","t":1,"time":"2026-03-28T22:00:01.000Z","posture":"sitting","since":0,"previous":"standing"}
            {"type":"posture","t":7201,"time":"2026-03-29T00:00:01.000Z","posture":"standing","since":7200,"previous":"sitting"}
            {"type":"session.end","t":90000,"time":"2026-03-29T23:00:00.000Z","reason":"stop"}
            """
        let (days, warnings) = HistoryFixtures.load([("dst.jsonl", log)], localDays: berlin)
        #expect(warnings.isEmpty)
        let d28 = try #require(days[HistoryFixtures.day("2026-03-28")])
        let d29 = try #require(days[HistoryFixtures.day("2026-03-29")])
        let d30 = try #require(days[HistoryFixtures.day("2026-03-30")])
        #expect(d28.wornSeconds == 3600 && d28.sittingSeconds == 3600 && d28.boutCount == 1)
        #expect(d29.wornSeconds == 23 * 3600 && d29.sittingSeconds == 3600 && d29.boutCount == 1)
        #expect(d30.wornSeconds == 3600 && d30.sittingSeconds == 0 && d30.boutCount == 0)
    }

    @Test("the fall-back day has 25 hours of wear")
    func fallBackLog() throws {
        let log = """
            {"schema":1,"type":"session","t":0,"time":"2026-10-25T00:00:00.000+02:00","source":"sim","tool":"test"}
            {"type":"session.end","t":90000,"time":"2026-10-25T23:00:00.000Z","reason":"midnight"}
            """
        let (days, _) = HistoryFixtures.load([("fall.jsonl", log)], localDays: berlin)
        let worn = try #require(days[HistoryFixtures.day("2026-10-25")]).wornSeconds
        #expect(worn == 90_000, "\(worn - 90_000)")
        #expect(days.count == 1)
    }

    @Test("a log written in another zone is placed by its own offset")
    func otherZone() throws {
        // 10 March 00:30 in Tokyo is 9 March 15:30 UTC; the reader's zone is UTC.
        let log = """
            {"schema":1,"type":"session","t":0,"time":"2026-03-10T00:30:00.000+09:00","source":"sim","tool":"test"}
            {"type":"posture","t":1,"time":"2026-03-09T15:30:01.000Z","posture":"sitting","since":0,"previous":"standing"}
            {"type":"posture","t":1801,"time":"2026-03-09T16:00:01.000Z","posture":"standing","since":1800,"previous":"sitting"}
            {"type":"session.end","t":3600,"time":"2026-03-09T16:30:00.000Z","reason":"stop"}
            """
        let (days, _) = HistoryFixtures.load([("tokyo.jsonl", log)], localDays: .fixed(0))
        #expect(days.keys.sorted() == [HistoryFixtures.day("2026-03-10")])
        #expect(days[HistoryFixtures.day("2026-03-10")]?.sittingSeconds == 1800)
        #expect(days[HistoryFixtures.day("2026-03-10")]?.wornSeconds == 3600)
    }

    @Test("dates: real ones parse, bogus ones do not")
    func dates() {
        #expect(CivilDate.day(parsing: "1970-01-01") == 0)
        #expect(CivilDate.day(parsing: "2026-03-02") == 20514)
        #expect(CivilDate.day(parsing: "2026-02-29") == nil)
        #expect(CivilDate.day(parsing: "2024-02-29") != nil)
        #expect(CivilDate.day(parsing: "2026-13-01") == nil)
        #expect(CivilDate.day(parsing: "yesterday") == nil)
        #expect(ISOTimeText.parse("2026-03-10T00:30:00.000+09:00")?.1 == 32_400)
        #expect(ISOTimeText.parse("2026-03-10T00:30:00Z")?.0 == Double(CivilDate.days(year: 2026, month: 3, day: 10) * 86_400 + 1800))
        #expect(ISOTimeText.parse("2026-03-10 00:30") == nil)
    }

    @Test("--days out of range, --from after --to: errors, not traps")
    func periodErrors() {
        #expect(throws: HistoryError.self) { try HistoryPeriod.resolve(days: 0, from: nil, to: nil, lastDayWithData: nil, today: 100) }
        #expect(throws: HistoryError.self) { try HistoryPeriod.resolve(days: 100_000, from: nil, to: nil, lastDayWithData: nil, today: 100) }
        #expect(throws: HistoryError.self) { try HistoryPeriod.resolve(days: nil, from: 10, to: 5, lastDayWithData: nil, today: 100) }
        #expect((try? HistoryPeriod.resolve(days: nil, from: nil, to: nil, lastDayWithData: 50, today: 100)) == HistoryPeriod(first: 44, last: 50))
    }
}
