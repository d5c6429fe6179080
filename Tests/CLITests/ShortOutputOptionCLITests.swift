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
}
