import Foundation
import Testing

/// A capture remembers the calibration it was recorded with, so its replay matches the live
/// session even where that profile no longer exists.
@Suite("captures carry their calibration", .enabled(if: CLI.available, "build the binary first: swift build"))
struct RecordedCalibrationCLITests {
    /// A profile whose neutral is tipped 6 degrees forward of upright: tilt reads 6 degrees lower
    /// than with the automatic neutral, so which neutral a replay used shows in every angle.
    private func writeTippedProfile(in config: URL) throws {
        let directory = config.appendingPathComponent("glutebridge/profiles")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tip = 6.0 * .pi / 180
        let json = """
        {"created":"2026-11-25T00:00:00Z","forward":{"x":\(cos(tip)),"y":0,"z":\(sin(tip))},"mount":"x,y,z","name":"default",
         "schema":1,"source":"test","tilt_range_deg":15,"up":{"x":\(-sin(tip)),"y":0,"z":\(cos(tip))}}
        """
        try json.write(to: directory.appendingPathComponent("default.json"), atomically: true, encoding: .utf8)
    }

    /// (t, angle) of each tilt episode's start.
    private func tiltStarts(_ stdout: String) -> [(t: Double, angle: Double)] {
        stdout.split(separator: "\n").compactMap { jsonObject(String($0)) }
            .filter { $0["type"] as? String == "tilt.anterior.start" }
            .compactMap { event in (event["t"] as? Double).flatMap { t in (event["angle"] as? Double).map { (t, $0) } } }
    }

    @Test func replayUsesTheRecordedProfileNotTodaysStore() throws {
        let recordingConfig = temporaryDirectory()
        try writeTippedProfile(in: recordingConfig)
        let capture = temporaryDirectory().appendingPathComponent("tilt.gbcap").path
        let live = try CLI.run(["record", "sim:tilt", "--speed", "50", "-o", capture, "--format", "jsonl", "--exit-on", "tilt.anterior.start"],
                               environment: ["XDG_CONFIG_HOME": recordingConfig.path])
        #expect(live.status == 0, "stderr: \(live.stderr)")
        // The scenario's first spell (15 deg) stays under the 10 deg limit against this neutral;
        // the second (20 deg) fires.
        let liveStart = try #require(tiltStarts(live.stdout).first)

        // Replayed where no profile exists at all: the capture's own calibration applies.
        let emptyConfig = temporaryDirectory()
        let replay = try CLI.run(["replay", capture, "--format", "jsonl"], environment: ["XDG_CONFIG_HOME": emptyConfig.path])
        #expect(replay.status == 0, "stderr: \(replay.stderr)")
        #expect(replay.stderr.contains("recorded in the capture"), "stderr: \(replay.stderr)")
        let replayStart = try #require(tiltStarts(replay.stdout).first)
        #expect(replayStart.t == liveStart.t && abs(replayStart.angle - liveStart.angle) < 0.001,
                "live \(liveStart), replay \(replayStart)")

        // Told to take the neutral from the upright start instead, the same capture reads about 6 degrees more.
        let automatic = try CLI.run(["replay", capture, "--format", "jsonl", "--neutral", "2..8"], environment: ["XDG_CONFIG_HOME": emptyConfig.path])
        #expect(automatic.status == 0, "stderr: \(automatic.stderr)")
        let starts = tiltStarts(automatic.stdout)
        #expect(starts.count >= 2, "\(starts)")
        let sameSpell = try #require(starts.first { abs($0.t - liveStart.t) < 5 })
        #expect(abs(sameSpell.angle - liveStart.angle - 6) < 1.5, "live \(liveStart), upright neutral \(sameSpell)")
    }
}
