import Foundation
import Testing

@Suite("monitor, record, replay and export, run as processes", .enabled(if: CLI.available, "build the binary first: swift build"))
struct LiveSessionCLITests {
    func events(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap { jsonObject(String($0)) }
    }

    @Test func recordThenReplayGivesTheSameEvents() throws {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("s.gbcap").path
        let live = try CLI.run(["record", "sim:sitting", "--speed", "600", "--format", "jsonl",
                                "--exit-on", "sitting.prolonged", "-o", capture])
        #expect(live.status == 0, "\(live.stderr)")
        let liveLines = live.stdoutLines
        let firstLine = try #require(liveLines.first)
        let first = try #require(jsonObject(firstLine))
        #expect(first["schema"] as? Int == 1)
        let types = events(live.stdout).compactMap { $0["type"] as? String }
        #expect(types.contains("link.connected"))
        #expect(types.contains("posture"))
        #expect(types.last == "sitting.prolonged")
        let mode = try FileManager.default.attributesOfItem(atPath: capture)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let replay = try CLI.run(["replay", capture, "--format", "jsonl"])
        #expect(replay.status == 0, "\(replay.stderr)")
        // The session line differs (it names when the replay's stream started); every event is identical.
        #expect(Array(replay.stdoutLines.dropFirst()) == Array(liveLines.dropFirst()))
    }

    @Test func monitorOnTheVirtualSensorsPtyEndsAtTheExitEvent() throws {
        let (sim, out) = try CLI.start(["simulate", "--pty", "--scenario", "sitting", "--speed", "600"])
        defer { sim.terminate(); sim.waitUntilExit() }
        let path = readLine(from: out)
        #expect(path.hasPrefix("/dev/pts/"))
        let monitor = try CLI.run(["monitor", path, "--format", "jsonl", "--exit-on", "sitting.prolonged", "--duration", "60s"])
        #expect(monitor.status == 0, "\(monitor.stderr)")
        let all = events(monitor.stdout)
        let types = all.compactMap { $0["type"] as? String }
        #expect(types.last == "sitting.prolonged")
        let sitting = all.first { $0["type"] as? String == "posture" && $0["posture"] as? String == "sitting" }
        let since = try #require(sitting?["since"] as? Double)
        // The scenario's first bout starts at 20 s (sitting down takes ~1-2 s).
        #expect(since > 18 && since < 25)
        let prolonged = try #require(all.last)
        #expect(prolonged["limit_s"] as? Double == 1800)
    }

    @Test func killedRecordingReplaysUpToItsLastRecord() throws {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("k.gbcap").path
        let (recorder, out) = try CLI.start(["record", "sim:desk-day", "--speed", "100", "--format", "jsonl", "-o", capture])
        _ = readLine(from: out)  // the session line: recording has started
        _ = readLine(from: out)  // link.connected
        // Let it record a few seconds of wall time, then kill it without warning.
        Thread.sleep(forTimeInterval: 2)
        kill(recorder.processIdentifier, SIGKILL)
        recorder.waitUntilExit()
        let replay = try CLI.run(["replay", capture, "--format", "jsonl", "--summary"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let types = events(replay.stdout).compactMap { $0["type"] as? String }
        #expect(types.contains("posture"))
        #expect(types.last == "summary")
    }

    @Test func sigtermClosesARecordingCleanly() throws {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("t.gbcap").path
        let (recorder, out) = try CLI.start(["record", "sim:standing", "--speed", "20", "--format", "jsonl", "-o", capture])
        _ = readLine(from: out)
        _ = readLine(from: out)
        Thread.sleep(forTimeInterval: 1)
        recorder.terminate()
        recorder.waitUntilExit()
        #expect(recorder.terminationStatus == 0)
        let replay = try CLI.run(["replay", capture, "--format", "jsonl"])
        #expect(replay.status == 0)
        #expect(!replay.stderr.contains("incomplete record"))
    }

    @Test(.enabled(if: sharedDataHolds("hapt/exp01_user01.csv"), "../shared/data/hapt is absent"))
    func replayOfARealCSVRecordingWithANeutralWindow() throws {
        let file = packageRoot.appendingPathComponent("../shared/data/hapt/exp01_user01.csv").standardized.path
        try #require(FileManager.default.fileExists(atPath: file), "../shared/data/hapt is absent")
        let replay = try CLI.run(["replay", file, "--neutral", "4.98..24.64", "--format", "jsonl", "--speed", "max"])
        #expect(replay.status == 0)
        let postures = events(replay.stdout).filter { $0["type"] as? String == "posture" }.compactMap { $0["posture"] as? String }
        // The recording's labels: standing, then sitting at 27.8 s.
        #expect(postures.prefix(2) == ["standing", "sitting"])
    }

    @Test(.enabled(if: sharedDataHolds("fusion/sensor_data.csv"), "../shared/data/fusion is absent"))
    func orientationExportMatchesFusion() throws {
        let data = packageRoot.appendingPathComponent("../shared/data/fusion").standardized
        let input = data.appendingPathComponent("sensor_data.csv").path
        try #require(FileManager.default.fileExists(atPath: input), "../shared/data/fusion is absent")
        let export = try CLI.run(["export", input, "--orientation", "--preset", "fusion-6axis", "--sample-rate", "100"])
        #expect(export.status == 0)
        let ours = export.stdoutLines.dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        let reference = try String(contentsOf: data.appendingPathComponent("fusion_euler_simple_6axis.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(ours.count == reference.count)
        var sumRoll = 0.0, sumPitch = 0.0
        for (a, b) in zip(ours, reference) {
            var dr = a[1] - b[1]
            if dr > 180 { dr -= 360 } else if dr < -180 { dr += 360 }
            sumRoll += dr * dr
            sumPitch += (a[2] - b[2]) * (a[2] - b[2])
        }
        let n = Double(min(ours.count, reference.count))
        #expect((sumRoll / n).squareRoot() < 0.5)
        #expect((sumPitch / n).squareRoot() < 0.5)
    }

    @Test(arguments: [
        ["monitor", "/dev/ttyNOPE0", "--format", "jsonl"],
        ["monitor", "serial:/dev/x?baud=fast"],
        ["monitor", "sim:moonwalk", "--format", "jsonl"],
        ["monitor", "sim", "--tilt-limit", "abc"],
        ["replay", "/nonexistent.gbcap"],
        ["replay", "x", "--neutral", "5..2"],
        ["replay", "x", "--speed", "fast"],
        ["record", "sim", "-o", "/nonexistent-dir/x.gbcap", "--format", "jsonl"],
        ["export", "x"],
    ])
    func badInputGivesAOneLineError(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errorLines.count == 1, "stderr: \(result.stderr)")
    }
}

/// Whether ../shared/data (beside the checkout) holds `path`: tests of real recordings skip without it.
private func sharedDataHolds(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("../shared/data/" + path).standardized.path)
}
