import Foundation
import Testing

/// `report` replays its recordings on several threads; the page must be the one a single worker
/// writes, byte for byte, whichever recording finishes first.
@Suite("glutebridge report --jobs", .serialized, .enabled(if: CLI.available, "glutebridge binary not built"))
struct ReportParallelTests {
    /// Recordings of different lengths, longest first so that later ones finish first, with an
    /// event log among them (event logs are not replayed but keep their place).
    private func inputs(in dir: URL) throws -> [String] {
        var files: [String] = []
        for (scenario, duration) in [("desk-day", "12m"), ("sitting", "6m"), ("tilt", "3m"), ("squeezes", "2m"), ("single-leg", "1m")] {
            let file = dir.appendingPathComponent("\(scenario).bin").path
            let simulate = try CLI.run(["simulate", "-o", file, "--scenario", scenario, "--duration", duration])
            try #require(simulate.status == 0, "\(simulate.stderr)")
            files.append(file)
        }
        let log = dir.appendingPathComponent("standing.jsonl").path
        let standing = dir.appendingPathComponent("standing.bin").path
        try #require(try CLI.run(["simulate", "-o", standing, "--scenario", "standing"]).status == 0)
        let replay = try CLI.run(["replay", standing, "--format", "jsonl"])
        try #require(replay.status == 0, "\(replay.stderr)")
        try replay.stdoutData.write(to: URL(fileURLWithPath: log))
        files.insert(log, at: 2)
        return files
    }

    @Test("the HTML page and the SVG of six inputs are byte-identical with 1 and 4 workers")
    func sameBytesForAnyNumberOfWorkers() throws {
        let dir = temporaryDirectory()
        let files = try inputs(in: dir)
        for extra in [[String](), ["--svg"]] {
            let one = try CLI.run(["report"] + files + ["--jobs", "1", "-o", "-"] + extra)
            let four = try CLI.run(["report"] + files + ["--jobs", "4", "-o", "-"] + extra)
            #expect(one.status == 0, "\(one.stderr)")
            #expect(four.status == 0, "\(four.stderr)")
            #expect(one.stdout.count > 1000)
            #expect(four.stdoutData == one.stdoutData, "report \(extra.joined()) differs between --jobs 1 and --jobs 4")
            #expect(four.stderr == one.stderr)
        }
        // The check can fail: the same inputs in another order make another page.
        let reversed = try CLI.run(["report"] + files.reversed() + ["--jobs", "1", "-o", "-"])
        let forward = try CLI.run(["report"] + files + ["--jobs", "1", "-o", "-"])
        #expect(reversed.stdoutData != forward.stdoutData)
    }

    @Test("of two inputs that fail, the first in input order is reported, as a single worker reports it")
    func firstFailureInInputOrder() throws {
        let dir = temporaryDirectory()
        let good = dir.appendingPathComponent("good.bin").path
        try #require(try CLI.run(["simulate", "-o", good, "--scenario", "tilt", "--duration", "2m"]).status == 0)
        var noise: [String] = []
        for name in ["noise-a.csv", "noise-b.csv"] {
            noise.append(dir.appendingPathComponent(name).path)
            try Data("time,ax\nnot,a,sample\n".utf8).write(to: URL(fileURLWithPath: noise.last!))
        }
        let one = try CLI.run(["report", good, noise[0], noise[1], "--jobs", "1", "-o", "-"])
        let three = try CLI.run(["report", good, noise[0], noise[1], "--jobs", "3", "-o", "-"])
        #expect(one.status != 0)
        #expect(three.status == one.status)
        #expect(three.stderr == one.stderr)
        #expect(one.stderr.contains("noise-a.csv"))
        #expect(!one.stderr.contains("noise-b.csv"))
    }

    @Test("--jobs outside 1...256 is refused, saying so")
    func jobsOutOfRange() throws {
        for bad in ["0", "257", "-1"] {
            let result = try CLI.run(["report", "x.bin", "--jobs", bad, "-o", "-"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--jobs"), "\(result.stderr)")
        }
    }
}
