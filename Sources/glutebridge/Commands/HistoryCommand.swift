import ArgumentParser
import GluteDevices
import GluteHistory
import GluteLog

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Your days side by side: sitting, bouts, breaks, alerts, tilt, squeezes, sets, worn time.",
        discussion: """
        Reads event logs: the daily files `monitor --output-dir` writes
        (events-YYYY-MM-DD.jsonl), a directory of them, or any JSONL event log. One row
        per local day; a day no log covers says "no data". Under the table, a
        sparkline per column and the mean per day against the period before.

        Examples:
          glutebridge history                       # the last 7 days in ~/.local/state/glutebridge
          glutebridge history --days 30 --json
          glutebridge history logs/ --from 2026-03-01 --to 2026-03-31
        """
    )

    @Argument(help: ArgumentHelp("Event logs or directories of them (default: the service's state directory).", valueName: "DIR|FILE"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Show this many days (default 7), ending at --to or at the last day with data.", valueName: "N"))
    var days: Int?

    @Option(help: ArgumentHelp("First day to show.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day to show.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: "One JSON object per day and line: date, worn_s, sitting_s, bouts, longest_bout_s, breaks, prolonged_alerts, tilt_s, squeezes, exercise_sets.")
    var json = false

    func validate() throws {
        if let days { guard (1...HistoryPeriod.maxDays).contains(days) else { throw ValidationError("--days must be between 1 and \(HistoryPeriod.maxDays)") } }
        if from != nil, to != nil, days != nil { throw ValidationError("give at most two of --from, --to and --days") }
    }

    func run() throws {
        let query = try HistoryRun.query(paths: paths, days: days, from: from, to: to)
        if json {
            query.rows.map(HistoryJSON.line).forEach(Output.line)
        } else {
            HistoryText.lines(query.rows, previous: query.previous).forEach(Output.line)
        }
    }
}

/// The history query of `history` and `report --week`, in the host's time zone.
enum HistoryRun {
    static func query(paths: [String], days: Int?, from: String?, to: String?) throws -> HistoryQuery {
        let now = HostClock.now().wall
        let localDays = LocalDays { LocalTime.utcOffset(at: $0) }
        let defaultDirectory = DailyLogFiles.defaultDirectory()
        // A new user's first run: say where the logs come from rather than that a file is unreadable.
        if paths.isEmpty, !DailyLogFiles.isDirectory(defaultDirectory) {
            throw CLIError("no daily logs yet: \(defaultDirectory) does not exist (`monitor --output-dir \(defaultDirectory)` or the systemd unit writes them; or name log files or directories)")
        }
        do {
            return try HistoryQuery.run(paths: paths.isEmpty ? [defaultDirectory] : paths, days: days, from: from, to: to,
                                        localDays: localDays, today: localDays.day(now)) { Output.error("glutebridge: \($0)") }
        } catch {
            throw CLIError("\(error)")
        }
    }
}
