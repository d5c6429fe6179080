import Foundation
import Testing

/// `monitor` and `record` on Bluetooth LE sensors, end to end: the GATT server simulator
/// (`simulate --ble`) on a unix SOCK_SEQPACKET socket stands in for the device, and the source's
/// `att=unix:PATH` option points the ATT bearer at it.
@Suite("ble: sources against the GATT simulator, run as processes", .enabled(if: CLI.available, "build the binary first: swift build"))
struct BLEMonitorCLITests {
    /// Starts the simulator; returns it and the socket path it printed.
    private func simulator(_ profile: String, scenario: String = "tilt", speed: String = "10", extra: [String] = []) throws -> (Process, String) {
        let path = temporaryDirectory().appendingPathComponent("gatt.sock").path
        let (process, out) = try CLI.start(["simulate", "--ble", path, "--profile", profile, "--scenario", scenario, "--speed", speed] + extra)
        let printed = readLine(from: out)
        #expect(printed == path)
        return (process, path)
    }

    private func events(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { jsonObject(String($0)) }
    }

    private func source(_ path: String, profile: String? = nil) -> String {
        "ble:C0:FF:EE:00:00:01?att=unix:\(path)" + (profile.map { "&profile=\($0)" } ?? "")
    }

    @Test("native profile: discovery, subscription and a tilt episode end to end")
    func nativeTiltEndToEnd() throws {
        let (sim, path) = try simulator("native")
        defer { sim.terminate(); sim.waitUntilExit() }
        let result = try CLI.run(["monitor", source(path), "--format", "jsonl", "--exit-on", "tilt.anterior.start", "--duration", "60s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let all = events(result.stdout)
        let connected = try #require(all.first { $0["type"] as? String == "link.connected" })
        #expect((connected["device"] as? String)?.contains("(native, battery ") == true)
        let tilt = try #require(all.first { $0["type"] as? String == "tilt.anterior.start" })
        // The tilt scenario tips the pelvis 15 degrees forward.
        let angle = try #require(tilt["angle"] as? Double)
        #expect(abs(angle - 15) < 2, "angle \(angle)")
    }

    @Test("WitMotion and micro:bit profiles, picked by profile=auto, give posture events", arguments: ["witmotion", "microbit"])
    func hostTimedProfilesEndToEnd(profile: String) throws {
        // These sensors send no time: samples carry arrival time, so the scenario runs at speed 1.
        let (sim, path) = try simulator(profile, scenario: "standing", speed: "1")
        defer { sim.terminate(); sim.waitUntilExit() }
        let result = try CLI.run(["monitor", source(path), "--format", "jsonl", "--exit-on", "posture", "--duration", "30s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let all = events(result.stdout)
        let connected = try #require(all.first { $0["type"] as? String == "link.connected" })
        #expect((connected["device"] as? String)?.contains("(\(profile), battery ") == true)
        let posture = try #require(all.first { $0["type"] as? String == "posture" })
        #expect(posture["posture"] as? String == "standing")
    }

    @Test("WitMotion packets split and merged across notifications decode the same")
    func witMotionPackings() throws {
        for packing in ["merged", "split"] {
            let (sim, path) = try simulator("witmotion", scenario: "standing", speed: "1", extra: ["--packing", packing])
            defer { sim.terminate(); sim.waitUntilExit() }
            let capture = temporaryDirectory().appendingPathComponent("w.gbcap").path
            let result = try CLI.run(["record", source(path, profile: "witmotion"), "-o", capture, "--format", "jsonl", "--duration", "3s"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let decoded = try CLI.run(["decode", capture, "--summary-only"])
            let summary = try #require(jsonObject(decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let samples = try #require(summary["imu_samples"] as? Int)
            // 100 Hz for ~3 s, less the connection setup.
            #expect(samples > 200 && samples < 400, "\(packing): \(samples) samples")
            // Subscribing mid-stream may start inside a split packet: at most that packet is skipped.
            let skipped = try #require(summary["skipped_bytes"] as? Int)
            #expect(skipped < 20, "\(packing): \(summary)")
            #expect(summary["malformed"] as? Int == 0 && summary["checksum_errors"] as? Int ?? 0 == 0, "\(packing): \(summary)")
        }
    }

    @Test("a BLE recording replays to the live session's events")
    func recordAndReplay() throws {
        let (sim, path) = try simulator("microbit", scenario: "standing", speed: "1")
        defer { sim.terminate(); sim.waitUntilExit() }
        let capture = temporaryDirectory().appendingPathComponent("m.gbcap").path
        let live = try CLI.run(["record", source(path), "-o", capture, "--format", "jsonl", "--exit-on", "posture", "--duration", "30s"])
        #expect(live.status == 0, "stderr: \(live.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: capture)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let replay = try CLI.run(["replay", capture, "--format", "jsonl"])
        #expect(replay.status == 0, "stderr: \(replay.stderr)")
        let wanted = ["link.connected", "posture"]
        let livePosture = events(live.stdout).filter { wanted.contains($0["type"] as? String ?? "") }.map { "\($0["type"]!) \($0["t"]!)" }
        let replayed = events(replay.stdout).filter { wanted.contains($0["type"] as? String ?? "") }.map { "\($0["type"]!) \($0["t"]!)" }
        #expect(!livePosture.isEmpty)
        #expect(Array(replayed.prefix(livePosture.count)) == livePosture)
    }

    @Test("the sensor dropping the link: disconnected, reconnected with resubscription, gap reported")
    func reconnectAfterLinkLoss() throws {
        let (sim, path) = try simulator("native", scenario: "standing", speed: "5", extra: ["--drop-after", "2s"])
        defer { sim.terminate(); sim.waitUntilExit() }
        let result = try CLI.run(["monitor", source(path), "--format", "jsonl", "--exit-on", "link.gap", "--duration", "30s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let types = events(result.stdout).compactMap { $0["type"] as? String }
        let down = try #require(types.firstIndex(of: "link.disconnected"))
        let upAgain = try #require(types[(down + 1)...].firstIndex(of: "link.connected"))
        let gap = try #require(types[(upAgain + 1)...].firstIndex(of: "link.gap"))
        #expect(types.firstIndex(of: "link.connected")! < down)
        #expect(gap > upAgain)
    }

    @Test("a profile the device lacks is a one-line error; nothing is printed on stdout")
    func profileMismatch() throws {
        let (sim, path) = try simulator("native")
        defer { sim.terminate(); sim.waitUntilExit() }
        let result = try CLI.run(["monitor", source(path, profile: "microbit"), "--format", "jsonl"])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("offers no microbit service") == true)
        #expect(errors.first?.contains("6a1e0001-5b6f-4c2e-9f0b-9d3c1b2a4e10") == true)
        #expect(result.stdout.isEmpty)
    }

    @Test("no server at the socket path: a one-line error naming it")
    func nothingListening() throws {
        let path = temporaryDirectory().appendingPathComponent("absent.sock").path
        let result = try CLI.run(["monitor", source(path), "--format", "jsonl"])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains(path) == true)
        #expect(result.stdout.isEmpty)
    }
}
