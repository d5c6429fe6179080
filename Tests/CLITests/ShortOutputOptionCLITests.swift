import Foundation
import Testing

@Suite("-o on every verb that writes a file", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ShortOutputOptionCLITests {
    /// A new user writes `replay FILE -o events.jsonl` as they wrote `record ... -o FILE`.
    @Test func replayAndMonitorTakeDashO() throws {
        let dir = temporaryDirectory()
        let stream = dir.appendingPathComponent("s.bin"), replayLog = dir.appendingPathComponent("r.jsonl"), monitorLog = dir.appendingPathComponent("m.jsonl")
        try #require(try CLI.run(["simulate", "-o", stream.path, "--duration", "20s"]).status == 0)
        let replay = try CLI.run(["replay", stream.path, "--format", "jsonl", "-o", replayLog.path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(try String(contentsOf: replayLog, encoding: .utf8).hasPrefix("{\"schema\":1,\"type\":\"session\""))
        let monitor = try CLI.run(["monitor", "sim", "--speed", "100", "--duration", "2s", "--format", "jsonl", "-o", monitorLog.path])
        #expect(monitor.status == 0, "\(monitor.stderr)")
        #expect(try String(contentsOf: monitorLog, encoding: .utf8).hasPrefix("{\"schema\":1,\"type\":\"session\""))
    }

    /// `-o -` is no file: the events already go to standard output.
    @Test func dashIsRefusedForTheEventLog() throws {
        let dir = temporaryDirectory()
        for arguments in [["replay", "x.bin", "-o", "-"], ["monitor", "sim", "-o", "-", "--duration", "1s", "--speed", "100", "--format", "jsonl"], ["record", "sim", "-o", "c.gbcap", "--log", "-", "--duration", "1s", "--speed", "100", "--format", "jsonl"]] {
            let result = try CLI.run(arguments, in: dir)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("-: the events already go to standard output"), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
        }
    }
}
