import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
import GluteSession
import GluteWire
import Synchronization

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The article's self-tests, guided: belt line, single-leg raise, one-sided squeezes.",
        discussion: """
        Wear the sensor as usual and follow the prompts on the terminal. The sensor
        cannot hear a keypress, so each step runs on a clock that starts at its
        prompt: the belt line is measured over the first --belt seconds (stand
        relaxed); every later step gives you --gap seconds to get into position,
        then measures the next --hold seconds. With the defaults: belt line 0-10 s;
        left leg up 15-20 s, right leg up 25-30 s, squeeze left 35-40 s, squeeze
        right 45-50 s, release and done at 52 s. Times are stream seconds from the first sample, so a virtual
        sensor run with --speed keeps the same timeline.

        Verdicts: the belt line's tilt against your calibrated neutral (a profile
        from `glutebridge calibrate`, else the first still stretch) and against the
        sensor's mounting (how far its forward axis points below the horizontal),
        both held against --tilt-limit; the pelvic drop on the lifted side in each
        leg raise against --drop-limit (a drop means the STANCE side's glutes are
        weak); for each squeeze, on a cushion the rise of that side's seat load, on
        a belt IMU the posterior tilt (which cannot tell the sides apart), whether
        it engaged, how fast and how strongly.

        Examples:
          glutebridge check /dev/ttyACM0 --profile default
          glutebridge check sim:single-leg --speed 20 --belt 5s --gap 11s --json
          glutebridge check sim:squeezes --speed 20
        """
    )

    @Argument(help: ArgumentHelp("A tty (/dev/ttyACM0), serial:PATH?baud=N&protocol=..., ble:ADDR?profile=..., or sim[:SCENARIO].", valueName: "SOURCE"))
    var source: String

    @Option(parsing: .unconditional, help: ArgumentHelp("How long the belt line step measures (default 10s).", valueName: "DURATION"))
    var belt: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time from each later prompt to its measured hold (default 5s).", valueName: "DURATION"))
    var gap: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("How long each leg raise and squeeze is held and measured (default 5s).", valueName: "DURATION"))
    var hold: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second; default 1).", valueName: "FACTOR"))
    var speed: Double = 1

    @Option(parsing: .unconditional, help: "Seed of the virtual sensor (sim sources).")
    var seed: UInt64 = 1

    @Flag(help: "Print the result as one JSON object on stdout (prompts still go to stderr).")
    var json = false

    @OptionGroup(title: "Detection") var detection: DetectionOptions

    func validate() throws {
        try GuidedSource.validate(source, verb: "check", speed: speed)
        for (name, value, least) in [("--belt", belt, 1.0), ("--gap", gap, 0.0), ("--hold", hold, 1.0)] {
            if let value, value.seconds < least || value.seconds > 600 {
                throw ValidationError("\(name) must be between \(Int(saturating: least))s and 10m")
            }
        }
    }

    func run() throws {
        let spec = try SourceSpec(parsing: source)
        let resolved = try detection.resolved()
        var settings = SelfTestSettings()
        if let belt { settings.belt = belt.seconds }
        if let gap { settings.gap = gap.seconds }
        if let hold { settings.hold = hold.seconds }

        let observer = SelfTestObserver(SelfTestRun(settings: settings, pipeline: resolved.pipeline))
        let end = try GuidedSource.run(spec, pipeline: resolved.pipeline, speed: speed, seed: seed,
                                       wallLimit: GuidedSource.wallLimit(streamSeconds: settings.length + 30, spec: spec, speed: speed),
                                       observer: observer) {
            SelfTestPromptSink(observer: observer, terminal: isatty(2) == 1)
        }

        let run = observer.run
        if run.imuSamples == 0 && run.pressureSamples == 0 {
            throw CLIError("check: no samples arrived (\(LiveSession.describe(end)))")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Output.line(String(decoding: try encoder.encode(run.result), as: UTF8.self))
        } else {
            SelfTestVerdict.lines(run.result).forEach(Output.line)
        }
        if !run.result.complete {
            throw CLIError("check not finished: \(LiveSession.describe(end)) at \(String(format: "%.1f", run.elapsed)) s of \(String(format: "%.1f", settings.length)) s")
        }
    }
}

/// Feeds the self-test from the reader thread and ends the session when it is over.
final class SelfTestObserver: GuidedObserver {
    private let state: Mutex<SelfTestRun>
    private let session = Mutex<LiveSession?>(nil)

    init(_ run: SelfTestRun) { state = Mutex(run) }

    func attach(_ session: LiveSession) { self.session.withLock { $0 = session } }
    /// Breaks the session -> options -> observer -> session cycle.
    func detach() { session.withLock { $0 = nil } }

    func observe(_ sample: Sample) {
        let ended = state.withLock { run -> Bool in
            guard !run.finished else { return false }
            run.feed(sample)
            return run.finished
        }
        if ended { session.withLock { $0 }?.requestStop() }
    }

    var run: SelfTestRun { state.withLock { $0 } }
}

/// The prompts and the countdown on standard error: `\r`-updated on a terminal, one line per
/// step otherwise.
final class SelfTestPromptSink: SessionSink {
    private let observer: SelfTestObserver
    private let terminal: Bool
    private var prompted: Set<SelfTestStep> = []
    private var reported: Set<SelfTestStep> = []
    private let line = StatusLine()

    init(observer: SelfTestObserver, terminal: Bool) {
        self.observer = observer
        self.terminal = terminal
    }

    func handle(_ event: TimedEvent, status: SessionStatus) {
        line.sayLinkChange(event.event)
    }

    func tick(_ status: SessionStatus) {
        let run = observer.run
        let steps = SelfTestStep.allCases
        for (i, step) in steps.enumerated() where run.elapsed >= run.settings.window(of: step).prompt && !prompted.contains(step) {
            if run.imuSamples + run.pressureSamples == 0 { break }
            let w = run.settings.window(of: step)
            let timing = step == .beltLine
                ? "measured for \(n(w.end - w.start)) s from now"
                : "get ready \(n(w.start - w.prompt)) s, then hold \(n(w.end - w.start)) s"
            say("Step \(i + 1) of \(steps.count): \(step.prompt) (\(timing))")
            prompted.insert(step)
        }
        guard terminal, run.imuSamples + run.pressureSamples > 0, let step = run.step else { return }
        let w = run.settings.window(of: step)
        let left = n(max(0, w.end - run.elapsed).rounded(.up))
        let phase = run.elapsed < w.start ? "get ready \(n((w.start - run.elapsed).rounded(.up))) s"
            : run.elapsed >= w.end ? "release: done"
            : step == .beltLine ? "stand \(left) s" : "hold \(left) s"
        var reading = ""
        if let tilt = run.tilt, let obliquity = run.obliquity {
            reading = String(format: "   tilt %+.1f deg, obliquity %+.1f deg", tilt, obliquity)
        } else if !run.calibrated {
            reading = "   finding your neutral: keep still"
        }
        line.show("  \(phase)\(reading)")
    }

    func finish(_ status: SessionStatus) {
        tick(status)
        line.clear()
    }

    private func say(_ text: String) { line.say(text) }


    private func n(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(saturating: tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}
