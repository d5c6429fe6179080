import ArgumentParser
import GluteCore
import GluteDevices
import GluteSession
import GluteWire

/// What a guided verb (`calibrate`, `check`) watches: every sample, on the reader thread, and the
/// session, which it ends once its steps are done.
protocol GuidedObserver: AnyObject, Sendable {
    func observe(_ sample: Sample)
    func attach(_ session: LiveSession)
    /// Breaks the session -> options -> observer -> session cycle.
    func detach()
}

/// What `check` and `coach` share about their source and how long they may run.
enum GuidedSource {
    static func validate(_ source: String, verb: String, speed: Double) throws {
        let spec: SourceSpec
        do { spec = try SourceSpec(parsing: source) } catch { throw ValidationError("SOURCE: \(error)") }
        if case .file = spec {
            throw ValidationError("SOURCE: \(verb) guides you live with a sensor (a tty, serial:..., sim); '\(source)' is a file")
        }
        try OptionRange.positive("--speed", speed, atMost: 10_000)
    }

    /// A stream that never delivers must not hang the terminal: the wall-clock time for
    /// `streamSeconds` of stream, with some slack.
    static func wallLimit(streamSeconds: Double, spec: SourceSpec, speed: Double) -> Double {
        spec.isSimulated ? streamSeconds / speed + 5 : streamSeconds
    }

    /// Runs a guided session on `spec`: no reconnect (a step cannot survive a gap), at most
    /// `wallLimit` seconds, every sample to `observer`, and `makeSink`'s prompts on the terminal.
    static func run(_ spec: SourceSpec, pipeline: PipelineSettings, speed: Double, seed: UInt64, wallLimit: Double,
                    observer: some GuidedObserver, makeSink: () -> sending any SessionSink) throws -> LiveEnd {
        var live = LiveOptions(source: spec, pipeline: pipeline)
        live.simulationSpeed = speed
        live.simulationSeed = seed
        live.reconnect = false
        live.duration = wallLimit
        live.onSample = { observer.observe($0) }
        let session: LiveSession
        do { session = try LiveSession(options: live) } catch { throw CLIError("\(error)") }
        observer.attach(session)
        defer { observer.detach() }
        let trap = SignalTrap.install()
        do {
            return try session.run(interrupts: trap.map { [$0.pollDescriptor] } ?? [], tickInterval: 0.1) { [makeSink()] }
        } catch {
            throw CLIError("\(error)")
        }
    }
}
