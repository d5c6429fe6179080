import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
import GluteHistory
import GluteLog
import GluteReport
import GluteSession
import GluteWire

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a day at a glance as a self-contained HTML page (or the timeline as SVG).",
        discussion: """
        Reads capture files, CSV or raw recordings (replayed through the same detection
        as `replay`) and JSONL event logs (`--format jsonl` output of monitor, record
        or replay). Several files are put on one timeline in time order. The page has
        inline CSS and SVG only: no script and nothing loaded from the network.
        Event logs carry no tilt samples, so their tilt plot stays empty.

        Examples:
          glutebridge report monday.gbcap -o monday.html
          glutebridge report morning.gbcap afternoon.jsonl -o day.html
          glutebridge report session.csv --svg -o timeline.svg
          glutebridge report --week -o week.html    # the daily logs in ~/.local/state/glutebridge
          glutebridge report --week logs/ --to 2026-03-08 -o week.html
        """
    )

    @Argument(help: ArgumentHelp("Capture, CSV or JSONL event log files (with --week: event logs or directories of them).", valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "A week of days from event logs: a bar per day, the daily limit, alerts and squeezes, a section per day.")
    var week = false

    @Option(help: ArgumentHelp("With --week: the week's last day (default: the last day with data).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("With --week: the daily sitting limit drawn across the bars (default 6h).", valueName: "DURATION"), transform: DurationArgument.parse)
    var dailyLimit: DurationArgument?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (created 0600, never overwritten), or - for standard output.", valueName: "FILE"))
    var output: String

    @Flag(help: "Write the timeline SVG alone instead of the HTML page.")
    var svg = false

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of plain recordings (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV.", valueName: "LIST"))
    var columns: String?

    @Option(help: ArgumentHelp("Recordings replayed at once (default: one per online core); the report is the same for any N.", valueName: "N"))
    var jobs: Int?

    @OptionGroup var detection: DetectionOptions

    func validate() throws {
        try DecoderChoice.validate(wireProtocol)
        guard week || !files.isEmpty else { throw ValidationError("give at least one FILE") }
        if !week, to != nil || dailyLimit != nil { throw ValidationError("--to and --daily-limit go with --week") }
        if let jobs { guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") } }
        // The week is drawn from event logs as written: nothing is replayed, so nothing detected.
        if week, wireProtocol != nil || columns != nil || jobs != nil || !detection.noneGiven {
            throw ValidationError("--week reads event logs as they were written: --protocol, --columns, --jobs and the detection options go without it")
        }
        if let dailyLimit { guard dailyLimit.seconds > 0, dailyLimit.seconds <= 86_400 else { throw ValidationError("--daily-limit must be between 1s and 24h") } }
    }

    func run() throws {
        if week {
            let query = try HistoryRun.query(paths: files, days: 7, from: nil, to: to)
            let report = WeekReport(days: query.rows, dailyLimit: dailyLimit?.seconds ?? WeekReport.defaultDailyLimit,
                                    localDays: LocalDays { LocalTime.utcOffset(at: $0) })
            return try write(svg ? WeekReportRenderer.svg(report) : WeekReportRenderer.html(report))
        }
        let settings = try detection.resolved().pipeline
        var sources: [ReportSource] = []
        for file in files {
            do { sources.append(try ReportSource.open(file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:)))) } catch {
                throw CLIError("\(error)")
            }
        }
        let report = try ReportAssembly.build(sources, tiltThreshold: settings.tilt.limit, utcOffset: TimeZone.current.secondsFromGMT(),
                                              options: ReplayOptions(columns: columns),
                                              workers: jobs ?? ParallelWork.activeCores, warn: { Output.error("report: " + $0) }) { input in
            // Each capture calibrated as it was recorded, as `replay` does.
            input.recordedCalibration == nil ? settings
                : try detection.resolved(announcingProfile: false, recorded: input.recordedCalibration).pipeline
        }
        try write(svg ? ReportRenderer.svg(report) : ReportRenderer.html(report))
    }

    private func write(_ text: String) throws {
        if output == "-" {
            _ = Output.raw(Array(text.utf8), to: 1)
            return
        }
        do {
            let sink = try AppendOnlyFile(path: output, mode: .createNew)
            try sink.append(text)
            try sink.close()
        } catch {
            throw CLIError("\(error)")
        }
    }
}
