import ArgumentParser
import Glibc
import GluteCore
import GluteDevices
import GluteLog
import GluteSession

/// Options of the verbs that read a live source (`monitor`, `record`).
struct LiveSourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A tty (/dev/ttyACM0), serial:PATH?baud=N&protocol=native|witmotion|csv|plotter|auto, or sim[:SCENARIO].", valueName: "SOURCE"))
    var source: String = "sim"

    @Option(help: ArgumentHelp("Stop after this long (wall clock).", valueName: "DURATION"))
    var duration: DurationArgument?

    @Option(help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second; default 1).", valueName: "FACTOR"))
    var speed: Double = 1

    @Option(help: "Seed of the virtual sensor (sim sources).")
    var seed: UInt64 = 1

    @Flag(help: "End when the device goes away instead of waiting for it to come back.")
    var noReconnect = false

    @Option(help: ArgumentHelp("Output format (default: the live view on a terminal, jsonl otherwise).", valueName: "jsonl|csv|pretty"))
    var format: String?

    @Option(help: ArgumentHelp("End with status 0 after the first event of this type (repeatable), e.g. sitting.prolonged.", valueName: "TYPE"))
    var exitOn: [String] = []

    func validate() throws {
        do { _ = try SourceSpec(parsing: source) } catch { throw ValidationError("SOURCE: \(error)") }
        guard speed > 0, speed <= 10_000 else { throw ValidationError("--speed must be between 0 and 10000") }
        if let format { guard EventFormat(rawValue: format) != nil else { throw ValidationError("--format: '\(format)' is not jsonl, csv or pretty") } }
        if let duration { guard duration.seconds > 0 else { throw ValidationError("--duration must be longer than 0s") } }
    }
}

/// The shared body of `monitor` and `record`.
enum LiveRun {
    static func run(_ options: LiveSourceOptions, detection: DetectionOptions, capture: String?, log: String?) throws {
        let spec = try SourceSpec(parsing: options.source)
        var live = LiveOptions(source: spec, pipeline: try detection.pipelineSettings())
        live.simulationSpeed = options.speed
        live.simulationSeed = options.seed
        live.capturePath = capture
        live.duration = options.duration?.seconds
        live.reconnect = !options.noReconnect
        let session: LiveSession
        do { session = try LiveSession(options: live) } catch { throw CLIError("\(error)") }

        let format = options.format.flatMap(EventFormat.init(rawValue:)) ?? (isatty(1) == 1 ? .pretty : .jsonl)
        let printer: EventPrinter
        do {
            printer = try EventPrinter(format: format, source: spec.label, wallTime: HostClock.now().wall,
                                       tool: GlutebridgeVersion.tool, logPath: log, write: Output.line)
        } catch { throw CLIError("\(error)") }
        var sinks: [any SessionSink] = [PrinterSink(printer)]
        if !options.exitOn.isEmpty { sinks.append(ExitOnSink(types: Set(options.exitOn), session: session)) }
        let pretty = format == .pretty
        sinks.append(SummarySink(report: { Output.error("glutebridge: \($0)") }) { summary, _ in
            if pretty { summary.lines.forEach(Output.line) } else { Output.error(summary.json) }
        })
        let trap = SignalTrap.install()
        let end: LiveEnd
        do {
            end = try session.run(sinks: sinks, interrupts: trap.map { [$0.pollDescriptor] } ?? [])
        } catch {
            throw CLIError("\(error)")
        }
        if let problem = session.captureError { Output.error("glutebridge: \(problem)") }
        if let capture { Output.error("glutebridge: recorded to \(capture) (\(LiveSession.describe(end)))") }
    }
}
