import Foundation
import Testing

@Suite("calibrate and --profile, run as processes", .enabled(if: CLI.available, "build the binary first: swift build"))
struct CalibrateCLITests {
    /// A private XDG_CONFIG_HOME, so that a developer's own ~/.config profiles never take part.
    func isolatedConfig() -> (URL, [String: String]) {
        let dir = temporaryDirectory()
        return (dir, ["XDG_CONFIG_HOME": dir.path])
    }

    func profile(_ config: URL, _ name: String) -> URL {
        config.appendingPathComponent("glutebridge/profiles/\(name).json")
    }

    @Test func calibratesOnTheTiltScenarioAndMonitorUsesTheProfile() throws {
        let (config, env) = isolatedConfig()
        let calibrate = try CLI.run(["calibrate", "sim:tilt", "--speed", "20", "--profile", "t", "--json"], environment: env)
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        #expect(calibrate.stderr.contains("Step 1 of 2"))
        #expect(calibrate.stderr.contains("Step 2 of 2"))
        let verdict = try #require(jsonObject(calibrate.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let file = profile(config, "t")
        #expect(verdict["path"] as? String == file.path)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let dirMode = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(dirMode == 0o700)

        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let forward = try #require(saved["forward"] as? [String: Double])
        let up = try #require(saved["up"] as? [String: Double])
        // The scenario stands upright, sensor worn as the README shows, then tips 15 deg forward.
        let forwardOff = acos(min(1, forward["x"] ?? 0)) * 180 / .pi
        let upOff = acos(min(1, up["z"] ?? 0)) * 180 / .pi
        #expect(forwardOff < 3, "forward \(forward)")
        #expect(upOff < 3, "up \(up)")
        let tip = try #require(saved["tilt_range_deg"] as? Double)
        #expect(tip > 13 && tip < 17)
        #expect(saved["source"] as? String == "sim:tilt")
        #expect(saved["mount"] as? String == "x,y,z")

        let monitor = try CLI.run(["monitor", "sim:tilt", "--profile", "t", "--format", "jsonl", "--speed", "20",
                                   "--exit-on", "tilt.anterior.start"], environment: env)
        #expect(monitor.status == 0, "\(monitor.stderr)")
        #expect(monitor.stderr.contains("calibration profile 't'"))
        let types = monitor.stdoutLines.compactMap { jsonObject($0)?["type"] as? String }
        let start = try #require(monitor.stdoutLines.compactMap(jsonObject).first { $0["type"] as? String == "tilt.anterior.start" })
        #expect(types.contains("tilt.anterior.start"))
        // The spell starts at 20 s and must last the 5 s delay.
        let t = try #require(start["t"] as? Double)
        #expect(t > 24 && t < 28)
    }

    @Test func theDefaultProfileIsPickedUpAndNeutralWins() throws {
        let (config, env) = isolatedConfig()
        let calibrate = try CLI.run(["calibrate", "sim:tilt", "--speed", "20"], environment: env)
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        #expect(calibrate.stdout.contains("profile 'default' saved"))
        #expect(FileManager.default.fileExists(atPath: profile(config, "default").path))

        let capture = config.appendingPathComponent("s.gbcap").path
        let record = try CLI.run(["record", "sim:tilt", "--speed", "40", "--format", "jsonl", "--exit-on", "tilt.anterior.start",
                                  "-o", capture], environment: env)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stderr.contains("calibration profile 'default'"))

        let replay = try CLI.run(["replay", capture, "--format", "jsonl"], environment: env)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("calibration profile 'default'"))
        #expect(replay.stdout.contains("\"tilt.anterior.start\""))

        let windowed = try CLI.run(["replay", capture, "--format", "jsonl", "--neutral", "2..8"], environment: env)
        #expect(windowed.status == 0, "\(windowed.stderr)")
        #expect(!windowed.stderr.contains("calibration profile 'default'"))
        #expect(windowed.stdout.contains("\"tilt.anterior.start\""))
    }

    @Test func aMissingProfileIsAClearError() throws {
        let (_, env) = isolatedConfig()
        let result = try CLI.run(["replay", "/dev/null", "--profile", "nope"], environment: env)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no calibration profile 'nope'"))
        #expect(result.stderr.contains("glutebridge calibrate"))
        let badName = try CLI.run(["calibrate", "sim:tilt", "--profile", "../x"], environment: env)
        #expect(badName.status != 0)
        #expect(badName.stderr.contains("not a profile name"))
    }

    @Test func aCalibrationThatNeverSeesATipFailsWithTheReason() throws {
        let (config, env) = isolatedConfig()
        // Standing only: step 1 passes, step 2 never sees a tip; a 5 s timeout keeps it short.
        let result = try CLI.run(["calibrate", "sim:standing", "--speed", "20", "--timeout", "5s", "--profile", "s"], environment: env)
        #expect(result.status != 0)
        #expect(result.stderr.contains("calibration failed: step 2: no forward tip"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: profile(config, "s").path))
    }

    @Test func helpShowsExamples() throws {
        let result = try CLI.run(["calibrate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("glutebridge calibrate sim:tilt"))
        #expect(result.stdout.contains("--profile"))
    }
}
