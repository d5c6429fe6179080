import GluteHistory
import Testing

@Suite("history: event logs sorted into local days")
struct DayBucketerTests {
    let loaded = HistoryFixtures.load([
        ("events-2026-03-02.jsonl", HistoryFixtures.march2),
        ("events-2026-03-03.jsonl", HistoryFixtures.march3),
        ("events-2026-03-05.jsonl", HistoryFixtures.march5),
    ])

    @Test("a full day, its corrupted line skipped with a warning naming file and line, the day still counted")
    func fullDay() throws {
        let d = try #require(loaded.0[HistoryFixtures.day("2026-03-02")])
        #expect(loaded.1 == ["events-2026-03-02.jsonl:10: not a JSON object, skipped"])
        #expect(d.hasData)
        #expect(d.wornSeconds == 57_600)
        #expect(d.sittingSeconds == 15_200)
        #expect(d.bouts.map(\.length) == [3600, 4000, 7600])
        #expect(d.longestBout == 7600)
        #expect(d.breaks == 2)
        #expect(d.prolongedAlerts == 1)
        #expect(d.tiltSeconds == 110)
        #expect(d.squeezes == 1)
        #expect(d.exerciseSets == 1)
    }

    @Test("a bout across a rotated midnight: each day its part; its alert counted once, when it fired")
    func boutAcrossRotation() throws {
        let d = try #require(loaded.0[HistoryFixtures.day("2026-03-03")])
        #expect(d.wornSeconds == 3600)
        #expect(d.sittingSeconds == 1800)
        #expect(d.bouts.map(\.length) == [1800])
        #expect(d.prolongedAlerts == 1)
        #expect(d.breaks == 0 && d.squeezes == 0 && d.exerciseSets == 0 && d.tiltSeconds == 0)
    }

    @Test("a bout across midnight inside one plain log is split at midnight")
    func boutAcrossMidnightInOneFile() throws {
        let five = try #require(loaded.0[HistoryFixtures.day("2026-03-05")])
        let six = try #require(loaded.0[HistoryFixtures.day("2026-03-06")])
        #expect(five.sittingSeconds == 3600 && five.boutCount == 1 && five.wornSeconds == 3600 && five.squeezes == 0)
        #expect(six.sittingSeconds == 3600 && six.boutCount == 1 && six.wornSeconds == 3700 && six.squeezes == 1)
    }

    @Test("a missing day is no data, not a day of zero sitting, in rows and JSON")
    func missingDay() throws {
        let period = HistoryPeriod(first: HistoryFixtures.day("2026-03-02"), last: HistoryFixtures.day("2026-03-06"))
        let rows = period.rows(loaded.0)
        #expect(rows.map(\.hasData) == [true, true, false, true, true])
        #expect(HistoryJSON.line(rows[2]) == "{\"date\":\"2026-03-04\",\"worn_s\":null,\"sitting_s\":null,\"bouts\":null,\"longest_bout_s\":null,"
                + "\"breaks\":null,\"prolonged_alerts\":null,\"tilt_s\":null,\"squeezes\":null,\"exercise_sets\":null}")
        #expect(HistoryJSON.line(rows[0]) == "{\"date\":\"2026-03-02\",\"worn_s\":57600,\"sitting_s\":15200,\"bouts\":3,\"longest_bout_s\":7600,"
                + "\"breaks\":2,\"prolonged_alerts\":1,\"tilt_s\":110,\"squeezes\":1,\"exercise_sets\":1}")
        let text = HistoryText.lines(rows, previous: period.previous.rows(loaded.0))
        #expect(text[3] == "2026-03-04  no data")
        #expect(text.contains { $0.hasPrefix("sitting") && $0.contains("no data the 5 days before") })
    }

    @Test("the order files are read in does not matter")
    func orderFree() {
        let reversed = HistoryFixtures.load([
            ("events-2026-03-05.jsonl", HistoryFixtures.march5),
            ("events-2026-03-03.jsonl", HistoryFixtures.march3),
            ("events-2026-03-02.jsonl", HistoryFixtures.march2),
        ])
        #expect(reversed.0 == loaded.0)
    }

    @Test("a file that is not an event log is skipped with a warning")
    func notALog() {
        let (days, warnings) = HistoryFixtures.load([("notes.jsonl", "hello\n{\"type\":\"posture\"}\n")])
        #expect(days.isEmpty)
        #expect(warnings == ["notes.jsonl: not an event log (its first line is no JSON session line), skipped"])
    }

    @Test("numbers out of range: the line is skipped with a warning, never a trap or a walk over millions of days")
    func numbersOutOfRange() {
        let session = #"{"schema":1,"type":"session","t":0,"time":"2026-03-02T08:00:00.000Z","source":"x"}"#
        let lines = [
            #"{"type":"posture","t":-9223372036854775808,"time":"2026-03-02T08:00:01.000Z","posture":"sitting","since":0}"#,
            #"{"type":"posture","t":99999999999999999999999,"posture":"standing","since":1}"#,
            #"{"type":"posture","t":10,"time":"2026-03-02T08:00:10.000Z","posture":"sitting","since":1e12}"#,
            #"{"type":"squeeze","t":20,"time":"9999-12-31T23:59:59.000Z","duration_s":5}"#,
            #"{"type":"sitting.break","t":30,"time":"2026-03-02T08:00:30.000Z","bout_s":10,"break_s":-1e300}"#,
            #"{"type":"session.end","t":3600,"time":"2026-03-02T09:00:00.000Z"}"#,
        ]
        let (days, warnings) = HistoryFixtures.load([("odd.jsonl", ([session] + lines).joined(separator: "\n") + "\n")])
        #expect(warnings == [
            "odd.jsonl:2: t is out of range (-1e10 to 1e10 s), skipped",
            "odd.jsonl:3: t is out of range (-1e10 to 1e10 s), skipped",
            "odd.jsonl:4: since is out of range (-1e10 to 1e10 s), skipped",
            "odd.jsonl:5: time is out of range (-1e10 to 1e10 s), skipped",
            "odd.jsonl:6: break_s is out of range (-1e10 to 1e10 s), skipped",
        ])
        // The good lines still make the day: one hour worn.
        #expect(days.count == 1)
        #expect(days.values.first?.wornSeconds == 3600)

        let (none, first) = HistoryFixtures.load([("bad.jsonl", #"{"type":"session","t":18446744073709551616,"time":"2026-03-02T08:00:00.000Z"}"# + "\n")])
        #expect(none.isEmpty)
        #expect(first == ["bad.jsonl: its session line's t is out of range (-1e10 to 1e10 s), skipped"])
    }
}

