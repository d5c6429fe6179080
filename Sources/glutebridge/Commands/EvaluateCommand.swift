import ArgumentParser
import Foundation
import GluteCore
import GluteSession

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score posture detection on the real recordings in shared/data.",
        discussion: """
        Replays every HAPT recording (hapt/*.csv with *.labels.csv; waist phone, 50
        Hz) the way `glutebridge replay FILE.csv --neutral A..B` does, with the
        neutral pelvis taken from the first labelled standing span, and scores the
        posture events against the labels:
          sitting    labelled sitting time classified sitting (target >= 95 %)
          upright    labelled standing/walking time not sitting (>= 95 %)
          trans      transitions matched by a posture change within 3 s (>= 95 %)
          false/10m  posture changes in labelled static activity (<= 1)
        Then finds sit-to-stand movements in sit2stand-lumbar/sample.csv
        (accelerometer only) and compares them with that package's own detections
        (23.24 s, 36.60 s, 81.64 s).

        Examples:
          glutebridge evaluate
          glutebridge evaluate --data /path/to/shared/data --check
        """
    )

    @Option(help: ArgumentHelp("Folder holding hapt/ and sit2stand-lumbar/ (default: $GLUTEBRIDGE_DATA or ../shared/data).", valueName: "DIR"))
    var data: String?

    @Flag(help: "Exit with status 1 when a target is missed.")
    var check = false

    func run() throws {
        let root = data ?? ProcessInfo.processInfo.environment["GLUTEBRIDGE_DATA"] ?? "../shared/data"
        var missed: [String] = []
        let haptDir = root + "/hapt"
        let names = RecordingEvaluation.haptRecordings(in: haptDir)
        // A check that finds no data evaluates nothing: that is a failure, not a pass.
        if check && names.isEmpty && !FileManager.default.fileExists(atPath: root + "/sit2stand-lumbar/sample.csv") {
            throw CLIError("evaluate --check: nothing evaluated (no recordings under \(root); pass --data DIR or set GLUTEBRIDGE_DATA)")
        }
        if names.isEmpty {
            Output.line("hapt: no recordings in \(haptDir); skipped (pass --data DIR)")
        } else {
            Output.line("HAPT posture (\(names.count) recordings, neutral = first labelled standing span)")
            Output.line("| recording | sitting | upright | transitions | false changes /10 min |")
            Output.line("|---|---|---|---|---|")
            var pooled = PostureScore()
            for name in names {
                let row = try RecordingEvaluation.scoreHAPT(directory: haptDir, name: name)
                pooled = pooled + row.score
                Output.line(Self.row(name, row.score))
            }
            Output.line(Self.row("**all**", pooled))
            if (pooled.sittingShare ?? 0) < 0.95 { missed.append("sitting share") }
            if (pooled.uprightShare ?? 0) < 0.95 { missed.append("upright share") }
            if (pooled.transitionShare ?? 0) < 0.95 { missed.append("transitions") }
            if (pooled.falseChangesPer10Minutes ?? 99) > 1 { missed.append("false changes") }
        }
        let sitFile = root + "/sit2stand-lumbar/sample.csv"
        if FileManager.default.fileExists(atPath: sitFile) {
            let (rows, found) = try RecordingEvaluation.sitToStand(file: sitFile)
            Output.line("")
            Output.line("sit2stand-lumbar sit-to-stand (accelerometer only, automatic neutral): \(found.count) found")
            Output.line("| sit2standpy | ours | difference |")
            Output.line("|---|---|---|")
            for r in rows {
                Output.line("| \(Self.fixed(r.reference, 2)) s | \(r.found.map { Self.fixed($0, 2) + " s" } ?? "none") | \(r.difference.map { (($0 >= 0) ? "+" : "") + Self.fixed($0, 2) + " s" } ?? "-") |")
                if (r.difference.map { abs($0) } ?? 99) > 1 { missed.append("sit-to-stand at \(r.reference) s") }
            }
            if found.count != rows.count { missed.append("sit-to-stand count \(found.count)") }
        } else {
            Output.line("sit2stand-lumbar: \(sitFile) is absent; skipped")
        }
        Output.line("")
        Output.line(missed.isEmpty ? "all targets met" : "targets missed: \(missed.joined(separator: ", "))")
        if check && !missed.isEmpty { throw ExitCode(1) }
    }

    static func fixed(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }

    static func row(_ name: String, _ s: PostureScore) -> String {
        func pct(_ v: Double?) -> String { v.map { fixed($0 * 100, 1) + " %" } ?? "n/a" }
        return "| \(name) | \(pct(s.sittingShare)) | \(pct(s.uprightShare)) | \(s.transitionsMatched)/\(s.transitions) | "
            + "\(s.falseChangesPer10Minutes.map { fixed($0, 2) } ?? "n/a") |"
    }
}
