import Foundation
import Testing

@Suite("simulate and decode, run as processes", .enabled(if: CLI.available, "build the binary first: swift build"))
struct SimulateDecodeCLITests {
    func summary(_ result: CLIResult) throws -> [String: Any] {
        let last = try #require(result.stdoutLines.last)
        let object = try #require(jsonObject(last))
        #expect(object["kind"] as? String == "summary")
        return object
    }

    @Test func sixtySecondsAtHundredHertzDecodeToSixThousandIMUSamples() throws {
        let dir = temporaryDirectory()
        let file = dir.appendingPathComponent("x.bin").path
        let sim = try CLI.run(["simulate", "-o", file, "--duration", "60s", "--rate", "100"])
        #expect(sim.status == 0)
        let decoded = try CLI.run(["decode", file, "--summary-only"])
        #expect(decoded.status == 0)
        let s = try summary(decoded)
        let imu = try #require(s["imu_samples"] as? Int)
        #expect(abs(imu - 6000) <= 60)
        #expect(s["crc_errors"] as? Int == 0)
        #expect(s["resyncs"] as? Int == 0)
    }

    /// `simulate -o` onto a recording by mistake: refused, the file's bytes untouched; an empty
    /// file and /dev/null are still fine.
    @Test func outputFileWithContentIsNeverOverwritten() throws {
        let dir = temporaryDirectory()
        let recording = dir.appendingPathComponent("monday.gbcap")
        let precious = Data("GBCAP recorded on Monday\n".utf8)
        try precious.write(to: recording)
        let refused = try CLI.run(["simulate", "-o", recording.path, "--duration", "5s"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("already exists and is not empty; not overwriting it"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try Data(contentsOf: recording) == precious)

        let empty = dir.appendingPathComponent("empty.bin")
        try Data().write(to: empty)
        #expect(try CLI.run(["simulate", "-o", empty.path, "--duration", "5s"]).status == 0)
        #expect(try Data(contentsOf: empty).count > 1000)
        let devNull = try CLI.run(["simulate", "-o", "/dev/null", "--duration", "5s"])
        #expect(devNull.status == 0, "\(devNull.stderr)")
    }

    /// 1 % of the bytes overwritten: no crash, and at least every untouched frame decoded.
    @Test func corruptedFileDecodesEveryUntouchedFrame() throws {
        let dir = temporaryDirectory()
        let file = dir.appendingPathComponent("x.bin")
        #expect(try CLI.run(["simulate", "-o", file.path, "--duration", "60s", "--rate", "100", "--seed", "3"]).status == 0)
        let original = [UInt8](try Data(contentsOf: file))
        var damaged = original
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<(damaged.count / 100) {
            damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        }
        try Data(damaged).write(to: file)
        // Frames on the wire are 00 <cobs> 00; a frame is untouched when all its bytes, both
        // delimiters included, are as they were.
        var untouched = 0
        var start: Int?
        for (i, byte) in original.enumerated() where byte == 0 {
            if let s = start, i > s + 1 {
                if original[s...i] == damaged[s...i] { untouched += 1 }
                start = nil
            } else {
                start = i
            }
        }
        let decoded = try CLI.run(["decode", file.path, "--summary-only"])
        #expect(decoded.status == 0, "decode crashed or failed: \(decoded.stderr)")
        let s = try summary(decoded)
        let frames = try #require(s["frames"] as? Int)
        #expect(untouched > 800)  // about half of the 2,461 frames survive 1 % damage
        #expect(frames >= untouched)
        #expect((s["crc_errors"] as? Int ?? 0) + (s["malformed"] as? Int ?? 0) > 0)
    }

    @Test func decodeReadsSamplesFromTheVirtualSensorsPty() throws {
        let (sim, out) = try CLI.start(["simulate", "--pty", "--scenario", "standing", "--speed", "4"])
        defer { sim.terminate(); sim.waitUntilExit() }
        let path = readLine(from: out)
        #expect(path.hasPrefix("/dev/pts/"))
        let decoded = try CLI.run(["decode", path, "--duration", "1.5s", "--summary-only"])
        #expect(decoded.status == 0)
        let s = try summary(decoded)
        #expect((s["imu_samples"] as? Int ?? 0) > 100)
        #expect(s["crc_errors"] as? Int == 0)
    }

    @Test func sameSeedSameBytes() throws {
        let a = try CLI.run(["simulate", "-o", "-", "--duration", "5s", "--scenario", "tilt"])
        let b = try CLI.run(["simulate", "-o", "-", "--duration", "5s", "--scenario", "tilt"])
        let c = try CLI.run(["simulate", "-o", "-", "--duration", "5s", "--scenario", "tilt", "--seed", "2"])
        #expect(a.stdout.utf8.count > 10_000)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
    }

    @Test(arguments: [
        ["simulate", "--rate", "0", "-o", "-"],
        ["simulate", "--scenario", "moonwalk", "-o", "-"],
        ["simulate", "--duration", "soon", "-o", "-"],
        ["simulate"],
        ["decode", "/nonexistent/file.bin"],
        ["decode", "/dev/nonexistent-tty"],
        ["decode", "--hex", "0G"],
        ["decode", "--protocol", "morse", "x"],
    ])
    func badInputGivesAOneLineErrorAndNonZeroStatus(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func hexVectorDecodes() throws {
        let result = try CLI.run(["decode", "--hex", "00 03 10 40 01 01 01 01 01 03 D1 66 00"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.first == #"{"t":0.000000,"kind":"command","command":"ping"}"#)
    }
}
