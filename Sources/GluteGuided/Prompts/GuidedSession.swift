import GluteCore
import GluteDevices
import GluteSession

/// How a guided verb runs its live session.
public enum GuidedSession {
    /// A stream that never delivers must not hang the terminal: the wall-clock time for
    /// `streamSeconds` of stream, with some slack.
    public static func wallLimit(streamSeconds: Double, spec: SourceSpec, speed: Double) -> Double {
        spec.isSimulated ? streamSeconds / speed + 5 : streamSeconds
    }

    /// Runs a guided session on `spec`: no reconnect (a step cannot survive a gap), at most
    /// `wallLimit` seconds, every sample to `observer`, and `makeSink`'s prompts on the terminal.
    public static func run(_ spec: SourceSpec, pipeline: PipelineSettings, speed: Double, seed: UInt64, wallLimit: Double,
                    observer: some GuidedObserver, makeSink: () -> sending any SessionSink) throws -> LiveEnd {
        var live = LiveOptions(source: spec, pipeline: pipeline)
        live.simulationSpeed = speed
        live.simulationSeed = seed
        live.reconnect = false
        live.duration = wallLimit
        live.onSample = { observer.observe($0) }
        let session = try LiveSession(options: live)
        observer.attach(session)
        defer { observer.detach() }
        let trap = SignalTrap.install()
        return try session.run(interrupts: trap.map { [$0.pollDescriptor] } ?? [], tickInterval: 0.1) { [makeSink()] }
    }
}
