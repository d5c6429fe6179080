import ArgumentParser
import GluteAlerts
import GluteCore
import GluteDevices
import GluteLiveView
import GluteLog
import GluteSession
import GluteWire

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a capture or CSV file through the detectors.",
        discussion: """
        A capture made by `glutebridge record` replays with its recorded arrival
        times, so it gives the events of the live session, byte for byte. CSV files
        (columns: time_s, acc_x_g ... gyro_x_dps ... pressure_0 ...) and
        Serial Plotter logs replay too; their events are dated from the file's
        modification time.

        Examples:
          glutebridge replay session.gbcap --summary
          glutebridge replay walk.csv --neutral 2..12 --format jsonl --speed max
          glutebridge replay session.gbcap --speed 10 --from 600 --to 1200 --tilt-limit 12
          glutebridge replay session.gbcap --speed 60 --mqtt mqtt://broker.lan --device-id desk1
        """
    )

    @Argument(help: ArgumentHelp("Capture file, CSV file, or - for stdin.", valueName: "FILE"))
    var file: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Stream seconds per real second, or max.", valueName: "1|10|max"))
    var speed: String = "max"

    @Flag(help: "Start again at the end, until interrupted.")
    var loop = false

    @Option(name: .customLong("from"), parsing: .unconditional, help: ArgumentHelp("Skip samples before this stream time (seconds or 1h30m).", valueName: "T"))
    var from: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop at this stream time.", valueName: "T"))
    var to: String?

    @Flag(help: "Print totals at the end: sitting time, bouts, breaks, tilt, squeezes, reps, gaps.")
    var summary = false

    @Option(help: ArgumentHelp("Output format (default: pretty on a terminal, jsonl otherwise).", valueName: "jsonl|csv|pretty"))
    var format: String?

    // -o as in record, report and simulate: each verb's own output file (here the event log).
    @Option(name: .shortAndLong, help: ArgumentHelp("Also append events as JSONL to FILE (created 0600).", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of a plain file (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV, e.g. time_us,acc_x_mps2,acc_y_mps2,acc_z_mps2.", valueName: "LIST"))
    var columns: String?

    @OptionGroup(title: "Daily event logs")
    var daily: DailyLogOptions

    @OptionGroup(title: "Detection and alerts")
    var detection: DetectionAndAlertOptions

    @OptionGroup(title: "MQTT")
    var mqtt: MQTTOptions

    func validate() throws {
        try EventLogPathCheck.validate(output, option: "--output")
        if speed != "max" {
            guard let s = DecimalText.double(speed) else { throw ValidationError("--speed: '\(speed)' is not a factor such as 1, 10 or max") }
            try OptionRange.speed(s)
        }
        if let format { guard EventFormat(rawValue: format) != nil else { throw ValidationError("--format: '\(format)' is not jsonl, csv or pretty") } }
        try DecoderChoice.validate(wireProtocol)
        _ = try window()
        if loop, daily.outputDir != nil { throw ValidationError("--output-dir cannot be used with --loop") }
    }

    private func window() throws -> ClosedRange<Double>? {
        guard from != nil || to != nil else { return nil }
        func parse(_ text: String?, _ name: String, _ fallback: Double) throws -> Double {
            guard let text else { return fallback }
            let seconds: Double
            do { seconds = try DurationText.seconds(text) } catch { throw ValidationError("--\(name): \(error)") }
            try OptionRange.number("--\(name)", seconds, in: 0...ValueRanges.streamSeconds.upperBound, unit: " s of stream time")
            return seconds
        }
        let a = try parse(from, "from", 0), b = try parse(to, "to", .infinity)
        guard a < b else { throw ValidationError("--from must be before --to") }
        return a...b
    }

    func run() throws {
        let input: RecordedInput
        do { input = try RecordedInput(path: file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:))) } catch {
            throw CLIError("\(error)")
        }
        // A capture calibrates as it was recorded, unless told otherwise.
        let resolved = try detection.resolved(recorded: input.recordedCalibration)
        let settings = resolved.pipeline
        let alerts = resolved.alerts.hasActions
            ? AlertDispatcher(settings: resolved.alerts, quietHours: resolved.quietHours, report: { Output.error("glutebridge: \($0)") })
            : nil
        let chosen = format.flatMap(EventFormat.init(rawValue:)) ?? (StandardStreams.isTerminal(1) ? .pretty : .jsonl)
        let printer = try EventPrinter(format: chosen, source: input.sourceLabel, wallTime: input.startWall, tool: GlutebridgeVersion.tool,
                                       logPath: output, write: Output.line)
        let dailyLog = try daily.open(source: input.sourceLabel, startWall: input.startWall, configuredKeepDays: resolved.keepDays)
        // A BLE recording keeps its sensor's address: the same default device id as live. (A serial
        // port's USB serial number is not recorded, and this machine's udev knows another one.)
        let recordedBLE = input.header?["source"].flatMap { try? SourceSpec(parsing: $0) }.flatMap { spec -> SourceSpec? in
            if case .ble = spec { return spec }
            return nil
        }
        let mqttSink = try mqtt.over(resolved.mqtt, configPath: detection.detection.config).sink(source: recordedBLE, report: { Output.error("glutebridge: \($0)") })
        // The state topic shows the pipeline's latest snapshot; kept only when it is published.
        var snapshot = Pipeline(settings: settings).snapshot
        var lastWall = input.startWall
        var battery: Int?  // known at the end of the recording only
        func mqttStatus(_ wall: Double, link: LinkStatus) -> SessionStatus {
            SessionStatus(source: input.sourceLabel, link: link, snapshot: snapshot, statistics: DecoderStatistics(),
                          lastSampleTime: snapshot.time, wallNow: wall, droppedEvents: 0, message: nil, batteryLevel: battery)
        }
        let trap = SignalTrap.install()
        let showProgress = speed == "max" && StandardStreams.isTerminal(2) && chosen != .pretty
        var totals = SessionSummary()
        var dailyLogError: String?
        var result: ReplayResult
        repeat {
            result = try ReplayRunner.run(
                input, settings: settings,
                options: ReplayOptions(speed: DecimalText.double(speed), window: try window(), columns: columns),
                interrupts: trap.map { [$0.pollDescriptor] } ?? [],
                afterSample: mqttSink == nil ? nil : { _, latest in snapshot = latest },
                progress: showProgress ? { ProgressBar.show($0) } : nil
            ) { event in
                totals.observe(event.event)
                printer.print(event)
                do { try dailyLog?.append(event) } catch { dailyLogError = dailyLogError ?? "\(error)" }
                alerts?.handle(event)
                lastWall = event.wall
                mqttSink?.handle(event, status: mqttStatus(event.wall, link: .connected(device: input.sourceLabel)))
            }
            if showProgress { ProgressBar.clear() }
        } while loop && !result.interrupted && result.samples > 0  // nothing to loop over: said below
        alerts?.finish()
        snapshot = result.snapshot
        battery = result.batteryPercent
        // The recording's own clock: its "today" is the day it was recorded.
        mqttSink?.finish(mqttStatus(lastWall, link: .ended(reason: "end of file")))
        totals.finish(at: result.lastSampleTime)
        totals.skippedLines = result.statistics.badLines
        if let first = result.firstBadLine {
            Output.error("replay: \(file): skipped \(result.statistics.badLines) line\(result.statistics.badLines == 1 ? "" : "s") that \(result.statistics.badLines == 1 ? "is" : "are") not a sample; the first: \(first)")
        }
        do { try dailyLog?.finish(lastStreamTime: result.lastSampleTime) } catch { dailyLogError = dailyLogError ?? "\(error)" }
        if input.damagedTailBytes > 0 {
            Output.error("replay: \(file): the last \(input.damagedTailBytes) bytes are an incomplete record (recording cut short); replayed everything before them")
        }
        // Before the summary and the stream's header: a run that decoded nothing prints nothing on stdout.
        if result.samples == 0, let window = try window(), let last = result.lastSampleTime, last < window.lowerBound {
            throw CLIError("--from \(from ?? ""): past the end of \(file) (its last sample is at \(EventFormat.number(last)) s of stream time)")
        }
        if result.samples == 0 {
            throw CLIError("\(file): no samples decoded (\(input.decoderChoice.rawValue) protocol; try --protocol or --columns)")
        }
        if summary { printer.printExtra(json: totals.json, text: totals.lines) }
        try printer.close()
        if let dailyLogError { throw CLIError(dailyLogError) }
    }
}

/// A one-line progress bar on standard error.
enum ProgressBar {
    static func show(_ fraction: Double) {
        let width = 30
        let filled = min(max(Int(saturating: fraction * Double(width)), 0), width)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        _ = Output.raw(Array("\r[\(bar)] \(Int(saturating: fraction * 100))%".utf8), to: 2)
    }

    static func clear() {
        _ = Output.raw(Array("\r\u{1B}[K".utf8), to: 2)
    }
}
