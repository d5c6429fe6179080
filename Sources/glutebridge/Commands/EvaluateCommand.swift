import ArgumentParser
import Foundation
import GluteDevices
import GluteSession

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score posture detection on the real recordings in shared/data.",
        discussion: """
        Replays every HAPT recording (hapt/*.csv with *.labels.csv; waist phone, 50
        Hz) the way `glutebridge replay FILE.csv --mount y,z,x` does (automatic
        neutral), leaving one subject out at a time: the one setting chosen from data
        (the fallback sitting angle) is chosen on the other subjects. Scores per
        recording and per subject, against these targets:
          sitting    labelled sitting time classified sitting (>= 97 %)
          upright    labelled standing/walking time not sitting (>= 97 %)
          trans      transitions matched by a posture change within 3 s (>= 95 %)
          false/10m  posture changes in labelled static activity (<= 0.5)
          no recording under 85 % sitting or upright
        Then each recording from its first walking label (a walking-only start: posture
        events within 30 s), the sit-to-stand movements of sit2stand-lumbar/sample.csv
        against that package's own detections, and the share of mobgap-lowerback's
        reference walking time classified upright (>= 95 %).

        Examples:
          glutebridge evaluate
          glutebridge evaluate --data /path/to/shared/data --check
        """
    )

    @Option(help: ArgumentHelp("Folder holding hapt/, sit2stand-lumbar/ and mobgap-lowerback/ (default: $GLUTEBRIDGE_DATA or ../shared/data).", valueName: "DIR"))
    var data: String?

    @Flag(help: "Exit with status 1 when a target is missed.")
    var check = false

    func run() throws {
        let root = data ?? ProcessInfo.processInfo.environment["GLUTEBRIDGE_DATA"] ?? "../shared/data"
        // A folder named on purpose must be there; the default one may be absent (a fresh clone
        // without the recordings), and each dataset then says it was skipped.
        if let named = data ?? ProcessInfo.processInfo.environment["GLUTEBRIDGE_DATA"], !FileKind.isDirectory(named) {
            throw CLIError("--data \(named): no such folder (it should hold hapt/, sit2stand-lumbar/ and mobgap-lowerback/)")
        }
        let report = try EvaluationReport(root: root)
        for line in report.lines { Output.line(line) }
        if check && !report.missed.isEmpty { throw ExitCode(1) }
    }
}
