import Foundation
import Testing

/// Issue 12, a new user's rough edge: `export FILE --csv -o -` wrote a file named "-" (report and
/// simulate take - for standard output).
@Suite("export -o -", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ExportDashOutputCLITests {
    @Test func dashIsStandardOutputNotAFile() throws {
        let dir = temporaryDirectory()
        let stream = dir.appendingPathComponent("s.bin")
        try #require(try CLI.run(["simulate", "-o", stream.path, "--duration", "5s"]).status == 0)
        let result = try CLI.run(["export", stream.path, "--csv", "-o", "-"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("time_s,"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }
}
