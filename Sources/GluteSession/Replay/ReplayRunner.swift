import GluteCore
import GluteDevices
import GluteLog
import GluteWire

/// How a recording is replayed.
public struct ReplayOptions: Sendable {
    /// Stream seconds per real second; nil replays as fast as possible.
    public var speed: Double?
    /// Only samples within this stream-time window reach the pipeline.
    public var window: ClosedRange<Double>?
    /// Override the detected protocol (plain files).
    public var decoder: DecoderChoice?
    public var columns: String?

    public init(speed: Double? = nil, window: ClosedRange<Double>? = nil, decoder: DecoderChoice? = nil, columns: String? = nil) {
        self.speed = speed
        self.window = window
        self.decoder = decoder
        self.columns = columns
    }
}

/// What a replay ends with.
public struct ReplayResult: Sendable {
    public var statistics: DecoderStatistics
    public var samples: Int
    public var lastSampleTime: Double?
    public var snapshot: PipelineSnapshot
    public var interrupted: Bool
    /// The first line of a text recording that was skipped (`line 7: ...`); `statistics.badLines` counts them.
    public var firstBadLine: String? = nil
    /// The last battery level the recording's status messages reported, percent.
    public var batteryPercent: Int? = nil
}

/// Replays a recording through the same engine as a live session: capture records become chunks
/// with their recorded arrival times, so the events (wall times included) are the live ones.
public enum ReplayRunner {
    /// - Parameters:
    ///   - interrupts: descriptors that stop the replay when readable (a signal trap).
    ///   - progress: called with the fraction of the recording done, at most every 1 %.
    public static func run(_ input: RecordedInput, settings: PipelineSettings, options: ReplayOptions,
                           interrupts: [Int32] = [], onSample: ((Sample) -> Void)? = nil,
                           afterSample: ((Sample, PipelineSnapshot) -> Void)? = nil,
                           progress: ((Double) -> Void)? = nil, emit: (TimedEvent) -> Void) throws -> ReplayResult {
        let decoder = try (options.decoder ?? input.decoderChoice).makeDecoder(columns: options.columns)
        var engine = SessionEngine(decoder: decoder, pipeline: Pipeline(settings: settings))
        if let window = options.window { engine.window = window }
        if !input.isCapture { engine.wallFromStreamTime = input.wallBase ?? 0 }
        var pacer = Pacer(speed: options.speed)
        var interrupted = false
        let device = input.header?["device"] ?? input.header?["source"] ?? input.path
        var chunkIndex = 0
        let totalChunks = max(1, input.isCapture ? input.recordCount : input.fileSize / 65536 + 1)
        var lastReported = -1
        try input.forEachChunk { chunk in
            chunkIndex += 1
            switch chunk.kind {
            case .connected:
                engine.linkConnected(device: String(decoding: chunk.bytes, as: UTF8.self).isEmpty ? device : String(decoding: chunk.bytes, as: UTF8.self),
                                     wall: chunk.wall, emit: emit)
            case .disconnected:
                engine.linkDisconnected(reason: String(decoding: chunk.bytes, as: UTF8.self), wall: chunk.wall, emit: emit)
            case .data:
                // The per-sample hook only when someone listens or the replay is paced: at full
                // speed with no listener it would cost a call and a copy of every sample.
                let hook: ((Sample) -> Void)? = onSample == nil && options.speed == nil ? nil : { sample in
                    onSample?(sample)
                    if options.speed != nil, !interrupted, !pacer.wait(until: sample.time, interrupts: interrupts) {
                        interrupted = true
                    }
                }
                engine.feed(chunk.bytes, monotonic: chunk.monotonic, wall: chunk.wall, onSample: hook,
                            afterSample: afterSample, emit: emit)
            }
            if let progress {
                let percent = chunkIndex * 100 / totalChunks
                if percent != lastReported { lastReported = percent; progress(Double(min(percent, 100)) / 100) }
            }
            if !interrupted, options.speed == nil, !interrupts.isEmpty, chunkIndex % 64 == 0,
               waitReadable(interrupts, timeout: 0) != nil {
                interrupted = true
            }
            return !interrupted
        }
        // A short input ends before the 64th chunk: look once more, or a --loop over it could
        // not be stopped.
        if !interrupted, !interrupts.isEmpty, waitReadable(interrupts, timeout: 0) != nil { interrupted = true }
        engine.finish(onSample: onSample, afterSample: afterSample, emit: emit)
        return ReplayResult(statistics: engine.statistics, samples: engine.samplesProcessed,
                            lastSampleTime: engine.lastSampleTime, snapshot: engine.snapshot, interrupted: interrupted,
                            firstBadLine: engine.firstBadLine, batteryPercent: engine.batteryPercent)
    }
}
