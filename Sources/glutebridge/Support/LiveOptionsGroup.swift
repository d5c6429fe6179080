import ArgumentParser
import GluteAlerts
import GluteCore
import GluteDevices
import GluteLog
import GluteSession
import GluteSettings

/// Options of the verbs that read a live source (`monitor`, `record`).
struct LiveSourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A tty (/dev/ttyACM0), serial:PATH?baud=N&protocol=native|witmotion|csv|plotter|auto, ble:ADDR?profile=auto|native|witmotion|microbit&type=random&security=medium, or sim[:SCENARIO].", valueName: "SOURCE"))
    var source: String = "sim"

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this long (wall clock).", valueName: "DURATION"), transform: DurationArgument.parse)
    var duration: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second).", valueName: "FACTOR"), transform: DecimalArgument.parse)
    var speed: Double = 1

    @Option(parsing: .unconditional, help: "Seed of the virtual sensor (sim sources).")
    var seed: UInt64 = 1

    @Flag(help: "End when the device goes away instead of waiting for it to come back (a /dev/pts/N path always ends there: the kernel reuses pty numbers).")
    var noReconnect = false

    @Option(help: ArgumentHelp("Print events in this format instead of the live view (default: the live view on a terminal, jsonl otherwise).", valueName: "jsonl|csv|pretty"))
    var format: String?

    @Option(help: ArgumentHelp("End with status 0 after the first event of this type (repeatable), e.g. sitting.prolonged.", valueName: "TYPE"))
    var exitOn: [String] = []

    func validate() throws {
        do { _ = try SourceSpec(parsing: source) } catch { throw ValidationError("SOURCE: \(error)") }
        try OptionRange.speed(speed)
        if let format { guard EventFormat(rawValue: format) != nil else { throw ValidationError("--format: '\(format)' is not jsonl, csv or pretty") } }
        try OptionRange.duration("--duration", duration)
        for type in exitOn where !AlertSettings.eventTypes.contains(type) {
            throw ValidationError("--exit-on: '\(type)' is not an event type (\(AlertSettings.eventTypes.sorted().joined(separator: ", ")))")
        }
    }
}

/// The shared body of `monitor` and `record`.
enum LiveRun {
    static func run(_ options: LiveSourceOptions, detection: DetectionAndAlertOptions, capture: String?, log: String?,
                    daily: DailyLogOptions? = nil, mqtt: MQTTOptions? = nil) throws {
        let spec = try SourceSpec(parsing: options.source)
        let resolved = try detection.resolved()
        var live = LiveOptions(source: spec, pipeline: resolved.pipeline)
        live.calibration = resolved.calibration
        live.simulationSpeed = options.speed
        live.simulationSeed = options.seed
        live.capturePath = capture
        live.verb = capture == nil ? "monitor" : "record"
        live.duration = options.duration?.seconds
        live.reconnect = !options.noReconnect
        let session: LiveSession
        do { session = try LiveSession(options: live) } catch { throw CLIError("\(error)") }

        // The live view only when nobody asked for a stream and stdout is a terminal.
        let screen = options.format == nil ? TerminalScreen(fd: 1) : nil
        let format = options.format.flatMap(EventFormat.init(rawValue:)) ?? .jsonl
        let trap = SignalTrap.install()  // before the view takes the terminal: Ctrl-C ends the session
        let summaryToStdout = screen != nil || format == .pretty
        let end: LiveEnd
        do {
            end = try session.run(interrupts: trap.map { [$0.pollDescriptor] } ?? [], tickInterval: screen == nil ? nil : 0.25) {
                try makeSinks(session: session, spec: spec, options: options, resolved: resolved, screen: screen,
                              format: format, log: log, daily: daily, summaryToStdout: summaryToStdout, mqtt: mqtt,
                              configPath: detection.detection.config)
            }
        } catch {
            screen?.leave()
            throw CLIError("\(error)")
        }
        if let problem = session.captureError { Output.error("glutebridge: \(problem)") }
        if let capture { Output.error("glutebridge: recorded to \(capture) (\(LiveSession.describe(end)))") }
    }

    private static func makeSinks(session: LiveSession, spec: SourceSpec, options: LiveSourceOptions, resolved: ResolvedSettings,
                                  screen: TerminalScreen?, format: EventFormat, log: String?, daily: DailyLogOptions?,
                                  summaryToStdout: Bool, mqtt: MQTTOptions?, configPath: String?) throws -> [any SessionSink] {
        var sinks: [any SessionSink] = []
        // Under the live view, events still go to the --output log, not to the screen.
        let write: (String) -> Void = screen == nil ? { Output.line($0) } : { _ in }
        let printer = try EventPrinter(format: format, source: spec.label, wallTime: HostClock.now().wall,
                                       tool: GlutebridgeVersion.tool, logPath: log, write: write)
        sinks.append(PrinterSink(printer))
        if let dailyLog = try daily?.open(source: spec.label, startWall: HostClock.now().wall, configuredKeepDays: resolved.keepDays) {
            sinks.append(DailyLogSink(dailyLog, report: { Output.error("glutebridge: \($0)") }))
        }
        if let screen {
            sinks.append(LiveViewSink(screen: screen, capabilities: TerminalCapabilities.current(fd: 1),
                                      settings: resolved.pipeline, source: spec.label,
                                      speed: spec.isSimulated ? options.speed : nil,
                                      quietHours: resolved.quietHours, wallNow: HostClock.now().wall))
        }
        if resolved.alerts.hasActions {
            sinks.append(AlertSink(AlertDispatcher(settings: resolved.alerts, quietHours: resolved.quietHours,
                                                   report: { Output.error("glutebridge: \($0)") })))
        }
        if let sink = try mqtt?.over(resolved.mqtt, configPath: configPath).sink(source: spec, report: { Output.error("glutebridge: \($0)") }) {
            sinks.append(sink)
        }
        if !options.exitOn.isEmpty { sinks.append(ExitOnSink(types: Set(options.exitOn), session: session)) }
        sinks.append(SummarySink(report: { Output.error("glutebridge: \($0)") }) { summary, _ in
            screen?.leave()
            if summaryToStdout {
                Output.line("glutebridge: \(LiveSession.describe(session.endReason ?? .interrupted))")
                summary.lines.forEach(Output.line)
            } else {
                Output.error(summary.json)
            }
        })
        return sinks
    }
}
