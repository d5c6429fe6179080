import GluteSession
import Testing

@Suite struct EvaluationReportTests {
    /// Nothing to measure is not a pass: `evaluate --check` fails when no recording is found.
    @Test func noRecordingsIsAMiss() throws {
        let report = try EvaluationReport(root: "/nonexistent-glutebridge-data")
        #expect(report.missed == ["no recordings under /nonexistent-glutebridge-data"])
        #expect(report.lines.last == "targets missed: no recordings under /nonexistent-glutebridge-data")
        #expect(report.lines.contains { $0.hasPrefix("hapt: no recordings") })
    }

    /// The subject of a HAPT recording, for leaving one subject out.
    @Test func subjectOfARecording() {
        #expect(RecordingEvaluation.subject(of: "exp03_user02") == "user02")
        #expect(RecordingEvaluation.subject(of: "exp18_user09") == "user09")
    }
}
