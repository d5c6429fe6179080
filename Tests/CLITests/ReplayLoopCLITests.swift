import Foundation
import Testing

@Suite("replay --loop ends when it should", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ReplayLoopCLITests {
    /// Nothing decodes, so there is nothing to loop over: the "no samples" error at once, not a
    /// spin at full CPU (as it once was, deaf to Ctrl-C).
    @Test func aFileWithNoSamplesIsAnErrorNotAnEndlessLoop() throws {
        let file = temporaryDirectory().appendingPathComponent("noise.bin")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file)
        let result = try GuardedRun.run(["replay", file.path, "--loop", "--format", "jsonl"], limit: 20)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.firstErrorLine.contains("no samples decoded"), "\(result.firstErrorLine)")
    }

    /// A recording shorter than the runner's 64-chunk interrupt check, looped at full speed: SIGINT
    /// ends it, status 0.
    @Test func aShortRecordingLoopedAtFullSpeedStopsOnSIGINT() throws {
        let stream = temporaryDirectory().appendingPathComponent("short.gbr")
        try #require(try CLI.run(["simulate", "-o", stream.path, "--duration", "5s"]).status == 0)
        let (process, output) = try CLI.start(["replay", stream.path, "--loop", "--format", "jsonl"])
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        #expect(!readLine(from: output).isEmpty)  // it is looping
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning, "still running 10 s after SIGINT")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
