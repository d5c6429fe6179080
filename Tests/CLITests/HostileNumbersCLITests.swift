import Foundation
import Testing

/// Issue 12: numbers that are valid text but out of range (NaN, infinities, 1e300, -1, 0, the
/// integer extremes) or not decimal (0x10, which Double() reads as 16) given to every verb's
/// numeric options, to CSV columns and to event log fields. Every run must end by itself with status 0 (the value is valid) or a usage/input error
/// (1 or 64) on one line that names the option, never by a signal (a trap is SIGILL, status 132
/// in a shell) and never with output on stdout before the error.
@Suite(.enabled(if: CLI.available), .serialized) struct HostileNumbersCLITests {
    static let values = ["nan", "-nan", "inf", "-inf", "1e300", "-1e300", "-1", "0",
                         "9223372036854775807", "-9223372036854775808", "18446744073709551616", "0x10"]

    /// One verb's numeric options: the arguments that make a valid run short, the options, and
    /// the (option, value) pairs that are valid.
    struct VerbCase: CustomTestStringConvertible, Sendable {
        var verb: String
        var base: @Sendable (URL) -> [String]
        var options: [String]
        var valid: Set<String> = []
        /// The run may fail for another reason with a valid value (calibrate on the simulated desk
        /// day: the wearer never holds still); it must then not be a usage error (64).
        var validRunMayFail = false
        var testDescription: String { verb }
    }

    static let detection = ["--tilt-limit", "--tilt-delay", "--sit-limit", "--break-min", "--repeat", "--squeeze-min",
                            "--drop-limit", "--neutral", "--alert-interval"]
    static let seedValid: Set<String> = ["--seed 0", "--seed 9223372036854775807"]

    static let cases: [VerbCase] = [
        VerbCase(verb: "monitor", base: { _ in ["monitor", "sim", "--speed", "1000", "--duration", "0.3s", "--format", "jsonl"] },
                 options: ["--duration", "--speed", "--seed"] + detection, valid: seedValid.union(["--alert-interval 0"])),
        VerbCase(verb: "record", base: { dir in ["record", "sim", "-o", dir.appendingPathComponent("r.gbcap").path, "--speed", "1000",
                                                 "--duration", "0.3s", "--format", "jsonl"] },
                 options: ["--duration", "--speed", "--seed"], valid: seedValid),
        VerbCase(verb: "replay", base: { dir in ["replay", HostileFiles.csv(in: dir), "--format", "jsonl"] },
                 options: ["--speed", "--from", "--to"] + detection, valid: ["--from 0", "--alert-interval 0"]),
        // report offers no alert option (it fires no alert), so no --alert-interval.
        VerbCase(verb: "report", base: { dir in ["report", HostileFiles.csv(in: dir), "-o", "-"] },
                 options: detection.filter { $0 != "--alert-interval" }),
        VerbCase(verb: "calibrate", base: { _ in ["calibrate", "sim", "--speed", "1000", "--profile", "hostile"] },
                 options: ["--speed", "--seed", "--still", "--timeout"], valid: seedValid, validRunMayFail: true),
        VerbCase(verb: "check", base: { _ in ["check", "sim", "--speed", "1000"] },
                 options: ["--belt", "--gap", "--hold", "--speed", "--seed"], valid: seedValid.union(["--gap 0"])),
        VerbCase(verb: "coach", base: { _ in ["coach", "sim", "--speed", "1000", "--reps", "1"] },
                 options: ["--reps", "--hold", "--rest", "--duration", "--speed", "--seed"], valid: seedValid.union(["--rest 0"])),
        VerbCase(verb: "simulate", base: { dir in ["simulate", "-o", dir.appendingPathComponent("s.gbcap").path, "--duration", "1s"] },
                 options: ["--rate", "--speed", "--seed", "--duration", "--drop-after"], valid: seedValid),
        VerbCase(verb: "decode", base: { _ in ["decode", "--hex", "00"] }, options: ["--duration", "--baud"]),
        VerbCase(verb: "devices", base: { _ in ["devices", "--watch"] }, options: ["--count", "--timeout"]),
        VerbCase(verb: "scan", base: { _ in ["scan"] }, options: ["--timeout"]),
        VerbCase(verb: "export", base: { dir in ["export", HostileFiles.csv(in: dir), "--csv"] },
                 options: ["--gain", "--sample-rate"], valid: ["--gain 0"]),
    ]

    @Test(arguments: cases) func everyNumericOptionRejectsOutOfRangeValuesWithoutATrap(_ verb: VerbCase) throws {
        var failures: [String] = []
        for option in verb.options {
            for value in Self.values {
                let dir = temporaryDirectory()
                let spaced = try GuardedRun.run(verb.base(dir) + [option, value])
                let what = "\(verb.verb) \(option) \(value)"
                if let problem = spaced.problem(valid: verb.valid.contains("\(option) \(value)"), naming: option,
                                                mayFail: verb.validRunMayFail) {
                    failures.append("\(what): \(problem)")
                }
                // `--tilt-limit -3` and `--tilt-limit=-3` are the same request and get the same answer.
                if value.hasPrefix("-") {
                    let joined = try GuardedRun.run(verb.base(temporaryDirectory()) + ["\(option)=\(value)"])
                    if joined.status != spaced.status || joined.firstErrorLine != spaced.firstErrorLine {
                        failures.append("\(what): '\(option)=\(value)' gave \(joined.status) '\(joined.firstErrorLine)' but "
                            + "'\(option) \(value)' gave \(spaced.status) '\(spaced.firstErrorLine)'")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
    }

    @Test func rangesThatExcludeZeroSaySo() throws {
        let result = try GuardedRun.run(["monitor", "sim", "--speed", "0"])
        #expect(result.stderr.contains("--speed must be between 0.001 and 10000 (got 0)"), "\(result.stderr)")
        // Greater than 0, yet a frozen run: a second of stream would last 10^312 years.
        let tiny = try GuardedRun.run(["replay", "x.gbr", "--speed", "1e-320"])
        #expect(tiny.status == 64 && tiny.stderr.contains("--speed must be between 0.001 and 10000"), "\(tiny.stderr)")
        let negative = try GuardedRun.run(["monitor", "sim", "--tilt-limit", "-3"])
        #expect(negative.stderr.contains("--tilt-limit: -3 degrees is out of range (1 to 45 degrees)"), "\(negative.stderr)")
    }

    /// CSV time and sensor cells: a hostile row is skipped with a warning, the rest replays.
    @Test(arguments: ["time_s", "time_us", "acc_x_g", "gyro_z_dps"]) func csvColumnsWithHostileNumbers(_ column: String) throws {
        var failures: [String] = []
        for value in Self.values + ["1e16", "1e19"] {
            let dir = temporaryDirectory()
            let file = HostileFiles.csv(in: dir, hostile: (column, value))
            for args in [["replay", file, "--format", "jsonl"], ["report", file, "-o", "-"]] {
                let run = try GuardedRun.run(args)
                if run.signalled || run.timedOut || run.status >= 128 {
                    failures.append("\(args[0]) with \(column)=\(value): \(run.summary)")
                } else if run.status != 0 {
                    failures.append("\(args[0]) with \(column)=\(value): status \(run.status): \(run.firstErrorLine)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
    }

    /// Every numeric field of every event type `report` reads back from a JSONL log.
    @Test func eventLogFieldsWithHostileNumbers() throws {
        let fields: [(String, [String])] = [
            ("posture", ["t", "since"]), ("sitting.prolonged", ["t", "since", "duration_s", "limit_s"]),
            ("sitting.break", ["t", "bout_s", "break_s"]), ("tilt.anterior.start", ["t", "angle", "threshold", "delay_s"]),
            ("tilt.anterior.end", ["t", "peak", "threshold", "duration_s"]), ("squeeze", ["t", "start", "duration_s", "strength"]),
            ("pelvic_drop", ["t", "angle", "threshold"]), ("exercise.rep", ["t", "rep", "hold_s", "target_s"]),
            ("exercise.set", ["t", "reps", "target_reps", "short_reps", "mean_hold_s"]), ("link.gap", ["t", "duration_s", "lost_frames"]),
        ]
        let numbers = ["1e300", "-1e300", "1e400", "-1", "0", "2.5", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "0x10"]
        var failures: [String] = []
        for (type, names) in fields {
            for name in names {
                for value in numbers {
                    let dir = temporaryDirectory()
                    let file = HostileFiles.eventLog(in: dir, type: type, field: name, value: value)
                    let run = try GuardedRun.run(["report", file, "-o", "-"])
                    let what = "\(type) \(name)=\(value)"
                    if run.signalled || run.timedOut || run.status >= 128 {
                        failures.append("\(what): \(run.summary)")
                    } else if run.status != 0 {
                        if !run.stdout.isEmpty { failures.append("\(what): stdout before the error") }
                        if !run.firstErrorLine.contains(":2:") { failures.append("\(what): error without FILE:LINE: \(run.firstErrorLine)") }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
    }

    @Test func anOutOfRangeFieldIsNamedWithItsRange() throws {
        let file = HostileFiles.eventLog(in: temporaryDirectory(), type: "pelvic_drop", field: "angle", value: "1e300")
        let run = try GuardedRun.run(["report", file, "-o", "-"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(":2: field 'angle' 1e300 is out of range (-360 to 360)"), "\(run.stderr)")
    }
}

/// Input files for the hostile runs.
enum HostileFiles {
    /// Ten seconds of a standing sensor at 50 Hz; with `hostile`, row 3 holds that value in that column.
    static func csv(in dir: URL, hostile: (column: String, value: String)? = nil) -> String {
        let columns = ["time_s", "acc_x_g", "acc_y_g", "acc_z_g", "gyro_x_dps", "gyro_y_dps", "gyro_z_dps"]
        var header = columns
        if let hostile, hostile.column == "time_us" { header[0] = "time_us" }
        var text = header.joined(separator: ",") + "\n"
        for k in 0..<500 {
            let t = Double(k) / 50
            var row = [header[0] == "time_us" ? String(k * 20_000) : String(t), "0", "0", "1", "0", "0", "0"]
            if let hostile, k == 2, let index = header.firstIndex(of: hostile.column) { row[index] = hostile.value }
            text += row.joined(separator: ",") + "\n"
        }
        let url = dir.appendingPathComponent("hostile.csv")
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    /// A session line and one event of `type` whose `field` is the literal JSON number `value`.
    static func eventLog(in dir: URL, type: String, field: String, value: String) -> String {
        let base: [String: String] = [
            "t": "12", "since": "2", "duration_s": "10", "limit_s": "1800", "bout_s": "60", "break_s": "60", "angle": "12",
            "threshold": "10", "delay_s": "5", "peak": "14", "start": "10", "strength": "0.5", "rep": "1", "hold_s": "5",
            "target_s": "5", "reps": "10", "target_reps": "10", "short_reps": "0", "mean_hold_s": "5", "lost_frames": "3",
        ]
        var fields = "\"type\":\"\(type)\""
        for name in ["t", "since", "duration_s", "limit_s", "bout_s", "break_s", "angle", "threshold", "delay_s", "peak", "start",
                     "strength", "rep", "hold_s", "target_s", "reps", "target_reps", "short_reps", "mean_hold_s", "lost_frames"] {
            fields += ",\"\(name)\":" + (name == field ? value : base[name]!)
        }
        fields += ",\"time\":\"2026-12-04T10:00:12.000Z\",\"posture\":\"sitting\",\"side\":\"left\",\"stance\":\"right\""
        let text = "{\"schema\":1,\"type\":\"session\",\"t\":0,\"time\":\"2026-12-04T10:00:00.000Z\",\"source\":\"sim\",\"tool\":\"test\"}\n"
            + "{\(fields)}\n"
        let url = dir.appendingPathComponent("hostile.jsonl")
        try! Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A run of the binary that is killed (SIGKILL: the binary traps SIGTERM for a clean stop) after
/// `limit` seconds if it has not ended, so that a value which turns a short run into an endless or
/// memory-eating one fails the test instead of hanging it.
struct GuardedRun {
    var status: Int32
    /// Ended by a signal that the test did not send (a trap: SIGILL, SIGTRAP, SIGABRT).
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String

    var firstErrorLine: String { stderr.split(separator: "\n").first.map(String.init) ?? "" }
    var summary: String {
        (signalled ? "killed by signal \(status)" : timedOut ? "did not end" : "status \(status)") + ": " + firstErrorLine
    }

    /// Why this run breaks the rule, or nil. Valid values must succeed; the rest must fail with a
    /// usage or input error that names the option, with nothing on stdout.
    func problem(valid: Bool, naming option: String, mayFail: Bool = false) -> String? {
        if signalled { return "killed by signal \(status) (\(stderr.prefix(200)))" }
        if timedOut { return "did not end" }
        if status >= 128 { return "status \(status)" }
        if valid { return status == 0 || (mayFail && status == 1) ? nil : "valid value refused: \(firstErrorLine)" }
        if status == 0 { return "accepted" }
        if !stdout.isEmpty { return "printed to stdout before the error: \(stdout.prefix(120))" }
        if !firstErrorLine.contains(option) { return "error does not name \(option): \(firstErrorLine)" }
        return nil
    }

    static func run(_ arguments: [String], limit: Double = 20) throws -> GuardedRun {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = isolatedEnvironment
        let stopped = TimeoutFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
            if process.isRunning {
                stopped.set()
                kill(process.processIdentifier, SIGKILL)
            }
        }
        let result = try CLI.collect(process)
        return GuardedRun(status: result.status, signalled: process.terminationReason == .uncaughtSignal && !stopped.value,
                          timedOut: stopped.value, stdout: result.stdout, stderr: result.stderr)
    }
}

/// Set once from the timer's queue, read after the process ended.
final class TimeoutFlag: @unchecked Sendable {
    // A lock guards the one Bool: the timer's queue writes it, the test's thread reads it.
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.withLock { flag } }
    func set() { lock.withLock { flag = true } }
}
