import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
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
        """
    )

    @Argument(help: ArgumentHelp("Capture, CSV or JSONL event log files.", valueName: "FILE"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (created 0600, never overwritten), or - for standard output.", valueName: "FILE"))
    var output: String

    @Flag(help: "Write the timeline SVG alone instead of the HTML page.")
    var svg = false

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of plain recordings (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV.", valueName: "LIST"))
    var columns: String?

    @OptionGroup var detection: DetectionOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        let settings = try detection.resolved().pipeline
        var sources: [ReportSource] = []
        for file in files {
            do { sources.append(try ReportSource.open(file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:)))) } catch {
                throw CLIError("\(error)")
            }
        }
        let report = try ReportAssembly.build(sources, tiltThreshold: settings.tilt.limit, utcOffset: TimeZone.current.secondsFromGMT(),
                                              options: ReplayOptions(columns: columns)) { input in
            // Each capture calibrated as it was recorded, as `replay` does.
            input.recordedCalibration == nil ? settings
                : try detection.resolved(announcingProfile: false, recorded: input.recordedCalibration).pipeline
        }
        let text = svg ? ReportRenderer.svg(report) : ReportRenderer.html(report)
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
