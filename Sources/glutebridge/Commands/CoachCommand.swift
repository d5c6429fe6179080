import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
import GluteGuided
import GluteLog
import GluteSession

struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Coach the glute exercise: stand tall, tuck the tailbone, squeeze, release, 10 times.",
        discussion: """
        Wear the sensor at the belt and stand. Once your neutral pelvis is known (a
        profile from `glutebridge calibrate`, or a few still seconds), each rep is
        prompted with a countdown: tuck the tailbone, squeeze and hold --hold, then
        release and rest --rest. The hold is measured by the sensor (the squeeze
        detector's exercise.rep events), not by the countdown: a rep that fell
        short of the target (by more than 0.5 s) is said so. The set summary (reps
        done, short ones, mean hold) ends it; so do --duration and Ctrl-C.

        Prompts and the countdown go to stderr, the rep results and the summary to
        stdout; --output appends the exercise.* events as JSONL.

        Examples:
          glutebridge coach /dev/ttyACM0
          glutebridge coach /dev/ttyACM0 --reps 8 --hold 8s --rest 10s --output exercise.jsonl
          glutebridge coach sim:squeezes --speed 20
        """
    )

    @Argument(help: ArgumentHelp("A tty (/dev/ttyACM0), serial:PATH?baud=N&protocol=..., ble:ADDR?profile=..., or sim[:SCENARIO].", valueName: "SOURCE"))
    var source: String

    @Option(parsing: .unconditional, help: "Repetitions in the set.")
    var reps: Int = 10

    @Option(parsing: .unconditional, help: ArgumentHelp("Target hold per rep (default 5s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var hold: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Rest between reps (default 5s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var rest: DurationArgument?

    @Option(help: ArgumentHelp("Append the exercise.* events as JSONL to FILE (created 0600).", valueName: "FILE"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this long (wall clock).", valueName: "DURATION"), transform: DurationArgument.parse)
    var duration: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second).", valueName: "FACTOR"), transform: DecimalArgument.parse)
    var speed: Double = 1

    @Option(parsing: .unconditional, help: "Seed of the virtual sensor (sim sources).")
    var seed: UInt64 = 1

    @OptionGroup(title: "Detection") var detection: DetectionOptions

    func validate() throws {
        try GuidedSource.validate(source, verb: "coach", speed: speed)
        guard reps >= 1, reps <= 100 else { throw ValidationError("--reps must be between 1 and 100") }
        if let hold { guard hold.seconds >= 1, hold.seconds <= 30 else { throw ValidationError("--hold must be between 1s and 30s (a squeeze)") } }
        if let rest { guard rest.seconds >= 0, rest.seconds <= 600 else { throw ValidationError("--rest must be between 0s and 10m") } }
        try OptionRange.duration("--duration", duration)
    }

    func run() throws {
        let spec = try SourceSpec(parsing: source)
        var resolved = try detection.resolved()
        var settings = CoachSettings(reps: reps)
        if let hold { settings.hold = hold.seconds }
        if let rest { settings.rest = rest.seconds }
        // The pipeline judges each hold against this set's target, and keeps one set across a
        // re-prompt (the coach counts reps itself as well).
        resolved.pipeline.exercise.targetHold = settings.hold
        resolved.pipeline.exercise.targetReps = settings.reps
        resolved.pipeline.exercise.maxRest = max(resolved.pipeline.exercise.maxRest, settings.rest + 2 * settings.reprompt)
        resolved.pipeline.squeeze.maxHold = max(resolved.pipeline.squeeze.maxHold, settings.hold * 2)

        var live = LiveOptions(source: spec, pipeline: resolved.pipeline)
        live.simulationSpeed = speed
        live.simulationSeed = seed
        live.verb = "coach"
        live.reconnect = !spec.isSimulated
        live.duration = duration?.seconds
        let session: LiveSession
        do { session = try LiveSession(options: live) } catch { throw CLIError("\(error)") }

        let trap = SignalTrap.install()
        let outcome = CoachOutcome()
        let end: LiveEnd
        do {
            end = try session.run(interrupts: trap.map { [$0.pollDescriptor] } ?? [], tickInterval: 0.1) {
                let printer = try EventPrinter(format: .jsonl, source: spec.label, wallTime: HostClock.now().wall,
                                               tool: GlutebridgeVersion.tool, logPath: output, write: { _ in })
                return [CoachSink(script: CoachScript(settings: settings), printer: printer, session: session,
                                  terminal: StandardStreams.isTerminal(2), outcome: outcome)]
            }
        } catch {
            throw CLIError("\(error)")
        }
        let script = outcome.script ?? CoachScript(settings: settings)
        if !script.done { Output.line("Ended before the set was complete: \(LiveSession.describe(end)).") }
        script.summary.forEach(Output.line)
        if let logErrors = outcome.logErrors, logErrors > 0 {
            Output.error("glutebridge: \(logErrors) events could not be written to \(output ?? "the log")")
        }
    }
}
