import GluteCore
import GluteLog
import GluteSession

/// What replaying one recording for a report yields, before it is put on the day's timeline: made
/// on a worker thread, independent of every other input; `ReportAssembly` adds it in input order.
struct RecordingReplay: Sendable {
    var result: ReplayResult
    var firstSampleTime: Double?
    /// The tilt the pipeline reached after each sample: (stream time, degrees).
    var tilt: [(Double, Double)]
    var events: [Event]

    /// Replays `input` through the detectors with `settings`.
    static func run(_ input: RecordedInput, settings: PipelineSettings, options: ReplayOptions) throws -> RecordingReplay {
        var firstSampleTime: Double?
        var events: [Event] = []
        var tilt: [(Double, Double)] = []
        let result = try ReplayRunner.run(input, settings: settings, options: options, afterSample: { sample, snapshot in
            if firstSampleTime == nil { firstSampleTime = sample.time }
            if let degrees = snapshot.tilt { tilt.append((sample.time, degrees)) }
        }) { timed in
            events.append(timed.event)
        }
        return RecordingReplay(result: result, firstSampleTime: firstSampleTime, tilt: tilt, events: events)
    }
}
