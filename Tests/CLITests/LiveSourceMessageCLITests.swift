import Foundation
import Testing

/// Issue 12, a new user's rough edge: `monitor nosuchsource` said "nosuchsource is a file". A path
/// that does not exist is a mistyped device or source; only an existing one is a file to replay.
@Suite("live verbs given a path that is no device", .enabled(if: CLI.available, "build the binary first: swift build"))
struct LiveSourceMessageCLITests {
    @Test func missingPathIsNotCalledAFile() throws {
        let dir = temporaryDirectory()
        let missing = dir.appendingPathComponent("ttyACMO").path
        for verb in ["monitor", "check", "calibrate", "record"] {
            let output = dir.appendingPathComponent("\(verb).gbcap").path
            let result = try CLI.run(verb == "record" ? [verb, missing, "-o", output] : [verb, missing])
            #expect(result.status != 0)
            #expect(result.stderr.contains("'\(missing)': no such device or file (\(verb) reads a live sensor"), "\(verb): \(result.stderr)")
            #expect(!result.stderr.contains("is a file"), "\(verb): \(result.stderr)")
        }
        let file = dir.appendingPathComponent("day.csv")
        try "time_s,acc_x_g\n".write(to: file, atomically: true, encoding: .utf8)
        let existing = try CLI.run(["monitor", file.path])
        #expect(existing.status == 1)
        #expect(existing.stderr.contains("'\(file.path)' is a file: use `glutebridge replay \(file.path)`"), "\(existing.stderr)")
    }
}
