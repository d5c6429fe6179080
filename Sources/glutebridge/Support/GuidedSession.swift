import ArgumentParser
import GluteCore
import GluteDevices
import GluteGuided
import GluteSession
import GluteWire

/// What `check` and `coach` share about their source and how long they may run.
enum GuidedSource {
    static func validate(_ source: String, verb: String, speed: Double) throws {
        let spec: SourceSpec
        do { spec = try SourceSpec(parsing: source) } catch { throw ValidationError("SOURCE: \(error)") }
        if case .file = spec {
            throw ValidationError("SOURCE: " + FileSourceProblem.message(path: source, verb: verb))
        }
        try OptionRange.speed(speed)
    }

    /// A stream that never delivers must not hang the terminal (see `GuidedSession.wallLimit`).
    static func wallLimit(streamSeconds: Double, spec: SourceSpec, speed: Double) -> Double {
        GuidedSession.wallLimit(streamSeconds: streamSeconds, spec: spec, speed: speed)
    }

    /// `GuidedSession.run`, its failures as one line for the user.
    static func run(_ spec: SourceSpec, pipeline: PipelineSettings, speed: Double, seed: UInt64, wallLimit: Double,
                    observer: some GuidedObserver, makeSink: () -> sending any SessionSink) throws -> LiveEnd {
        do {
            return try GuidedSession.run(spec, pipeline: pipeline, speed: speed, seed: seed, wallLimit: wallLimit,
                                         observer: observer, makeSink: makeSink)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
