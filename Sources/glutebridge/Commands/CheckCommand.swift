import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
import GluteGuided
import GluteLog
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

    @Option(parsing: .unconditional, help: ArgumentHelp("How long the belt line step measures (default 10s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var belt: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time from each later prompt to its measured hold (default 5s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var gap: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("How long each leg raise and squeeze is held and measured (default 5s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var hold: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second).", valueName: "FACTOR"), transform: DecimalArgument.parse)
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
            PromptSink(SelfTestPrompts(observer: observer), terminal: StandardStreams.isTerminal(2))
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
