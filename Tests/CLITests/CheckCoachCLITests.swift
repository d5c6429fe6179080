import Foundation
import Testing

@Suite("check and coach on the virtual sensor, run as processes", .enabled(if: CLI.available, "build the binary first: swift build"))
struct CheckCoachCLITests {
    /// single-leg: left leg up 16-21 (9 deg drop), right leg up 32-37 (2 deg); a 5 s belt line and
    /// 11 s gaps line the holds up with the lifts.
    @Test func checkOnSingleLegFindsTheLeftDropAndWeakRightGlutes() throws {
        let result = try CLI.run(["check", "sim:single-leg", "--speed", "20", "--belt", "5s", "--gap", "11s", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Step 1 of 5: Belt line"))
        #expect(result.stderr.contains("Step 3 of 5: Single-leg raise"))
        let verdict = try #require(jsonObject(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let left = try #require(verdict["left_leg"] as? [String: Any])
        let right = try #require(verdict["right_leg"] as? [String: Any])
        let leftDrop = try #require(left["drop_deg"] as? Double)
        let rightDrop = try #require(right["drop_deg"] as? Double)
        let threshold = try #require(left["threshold_deg"] as? Double)
        #expect(threshold == 7)
        #expect(leftDrop > threshold, "left lift drop \(leftDrop)")
        #expect(left["weak_side"] as? String == "right")
        #expect(rightDrop < threshold - 3, "right lift drop \(rightDrop)")
        #expect(right["significant"] as? Bool == false)
        #expect(verdict["weak_glutes"] as? [String] == ["right"])
        #expect(verdict["complete"] as? Bool == true)
    }

    @Test func checkOnStandingPutsTheBeltLineAtNeutral() throws {
        let result = try CLI.run(["check", "sim:standing", "--speed", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdoutLines.first { $0.contains("tilt against the automatic neutral") })
        // "  tilt against the automatic neutral -0.1 deg (...): within the 10.0 deg limit"
        let number = try #require(line.split(separator: " ").first { Double($0) != nil }.flatMap { Double($0) })
        #expect(abs(number) < 2, "\(line)")
        #expect(line.contains("within the 10.0 deg limit"))
        #expect(result.stdout.contains("no pelvic drop beyond the threshold"))
    }

    /// squeezes: 10 reps, reps 4 (45-48) and 8 (83-86) held 3 s instead of 5.
    @Test func coachOnSqueezesCountsTenRepsWithFourAndEightShort() throws {
        let dir = temporaryDirectory()
        let log = dir.appendingPathComponent("exercise.jsonl")
        let result = try CLI.run(["coach", "sim:squeezes", "--speed", "20", "--output", log.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Rep 1/10: tuck the tailbone"))
        let repLines = result.stdoutLines.filter { $0.hasPrefix("Rep ") }
        #expect(repLines.count == 10, "\(result.stdout)")
        let short = repLines.filter { $0.contains("short") }.map { $0.split(separator: "/").first.map(String.init) ?? "" }
        #expect(short == ["Rep 4", "Rep 8"])
        #expect(result.stdout.contains("Set: 10 of 10 reps done"))
        #expect(result.stdout.contains("short: rep 4, 8"))

        let events = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").compactMap { jsonObject(String($0)) }
        #expect(events.first?["schema"] as? Int == 1)
        let reps = events.filter { $0["type"] as? String == "exercise.rep" }
        #expect(reps.count == 10)
        #expect(reps.compactMap { $0["short"] as? Bool }.enumerated().filter(\.element).map { $0.offset + 1 } == [4, 8])
        let set = try #require(events.first { $0["type"] as? String == "exercise.set" })
        #expect(set["reps"] as? Int == 10)
        #expect(set["short_reps"] as? Int == 2)
        #expect(Set(events.compactMap { $0["type"] as? String }) == ["session", "exercise.rep", "exercise.set"])
    }

    @Test func coachCutShortByDurationSaysSoAndSummarisesWhatWasDone() throws {
        // At 20x, 2.5 s of wall clock is 50 s of the scenario: reps 1-3 end by 40 s, rep 4 at 48 s.
        let result = try CLI.run(["coach", "sim:squeezes", "--speed", "20", "--duration", "2.5s"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ended before the set was complete: duration reached"))
        let done = result.stdoutLines.filter { $0.hasPrefix("Rep ") }.count
        #expect(done >= 2 && done <= 4, "\(result.stdout)")
        #expect(result.stdout.contains("Set: \(done) of 10 reps done"))
    }

    @Test func bothRefuseAFileAndBadTimings() throws {
        let file = temporaryDirectory().appendingPathComponent("x.csv")
        try "time_s,acc_x_g\n".write(to: file, atomically: true, encoding: .utf8)
        let check = try CLI.run(["check", file.path])
        #expect(check.status != 0)
        #expect(check.stderr.contains("is a file"))
        let coach = try CLI.run(["coach", "sim:squeezes", "--hold", "0s"])
        #expect(coach.status != 0)
        #expect(coach.stderr.contains("--hold"))
    }
}
