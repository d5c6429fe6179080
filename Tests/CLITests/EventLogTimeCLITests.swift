import Foundation
import Testing

/// Issue 12: `report` reads an event log's `time` text with Foundation's ISO-8601 parser, whose ICU
/// code divides by zero (SIGFPE) on a fraction of 35 digits or more. Such a time is an input error
/// naming FILE:LINE, like any other bad line of a log `report` reads: status 1, one line on stderr.
@Suite(.enabled(if: CLI.available)) struct EventLogTimeCLITests {
    static let longFraction = "2026-12-04T10:00:00." + String(repeating: "0", count: 40) + "+01:00"
    static let longYear = String(repeating: "9", count: 40) + "-12-04T10:00:00.000Z"

    /// (line the bad time is on, the time text)
    static let cases: [(Int, String)] = [(1, longFraction), (2, longFraction), (2, longYear)]

    @Test("a time with a run of more than 9 digits is an input error naming its line, not a trap", arguments: cases)
    func overlongTime(line: Int, time: String) throws {
        let good = "2026-12-04T10:00:00.000Z"
        let session = "{\"schema\":1,\"type\":\"session\",\"t\":0,\"time\":\"\(line == 1 ? time : good)\",\"source\":\"sim\",\"tool\":\"test\"}"
        let event = "{\"type\":\"posture\",\"t\":12,\"time\":\"\(line == 2 ? time : good)\",\"posture\":\"sitting\",\"since\":2}"
        let file = temporaryDirectory().appendingPathComponent("long-time.jsonl")
        try Data((session + "\n" + event + "\n").utf8).write(to: file)
        let result = try CLI.run(["report", file.path, "-o", "-"], environment: ["SWIFT_BACKTRACE": "enable=no"])
        // Process reports a run killed by a signal as that signal's number (SIGFPE: 8), so the
        // status is asserted exactly, not only below 128.
        #expect(result.status == 1, "status \(result.status): \(result.stderr)")
        #expect(result.status < 128)
        #expect(result.stderr.contains("long-time.jsonl:\(line): field 'time'"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("the times the monitor writes still place the log on the clock")
    func ordinaryTime() throws {
        let session = "{\"schema\":1,\"type\":\"session\",\"t\":0,\"time\":\"2026-12-04T10:00:00.000+01:00\",\"source\":\"sim\",\"tool\":\"test\"}"
        let event = "{\"type\":\"posture\",\"t\":12,\"time\":\"2026-12-04T10:00:12.000+01:00\",\"posture\":\"sitting\",\"since\":2}"
        let file = temporaryDirectory().appendingPathComponent("time.jsonl")
        try Data((session + "\n" + event + "\n").utf8).write(to: file)
        let result = try CLI.run(["report", file.path, "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("local time"))
    }
}
