import GluteCore
import GluteDevices
import GluteLog
import GluteWire

/// The heart of every session, live or replayed: transport bytes through the decoder and the
/// pipeline into events. Single-threaded and clock-free: it is told when bytes arrived.
public struct SessionEngine: Sendable {
    public private(set) var decoder: any StreamDecoder
    public private(set) var pipeline: Pipeline
    /// Only samples within this stream-time window reach the pipeline (`replay --from/--to`).
    public var window: ClosedRange<Double> = -Double.infinity...Double.infinity
    public private(set) var lastSampleTime: Double?
    public private(set) var samplesProcessed = 0
    /// The first text line the decoder skipped (`line 7: ...`), if any.
    public private(set) var firstBadLine: String?
    /// The battery level the sensor last reported in a native status message, percent.
    public private(set) var batteryPercent: Int?
    private var lastGapTime: Double?
    private var pendingLostFrames = 0
    private var wall = 0.0
    private var linkDownAt: Double?
    /// When set, wall times come from stream time (`base + t`) instead of chunk arrival: for
    /// recordings that carry no arrival times, such as CSV files.
    public var wallFromStreamTime: Double?

    public init(decoder: any StreamDecoder, pipeline: Pipeline) {
        self.decoder = decoder
        self.pipeline = pipeline
    }

    public var statistics: DecoderStatistics { decoder.statistics }

    /// Swaps the decoder before any bytes were fed: for a Bluetooth sensor whose protocol is known
    /// only once its services were discovered (`profile=auto`).
    public mutating func replaceDecoder(_ replacement: any StreamDecoder) {
        decoder = replacement
    }
    public var snapshot: PipelineSnapshot { pipeline.snapshot }

    /// Bytes that arrived at `monotonic`/`wall`. `onSample` sees every decoded sample in the window
    /// (for exports and the live view) before the pipeline does; `afterSample` sees it after, with
    /// the pipeline's state it led to (the report's tilt trace).
    public mutating func feed(_ bytes: ArraySlice<UInt8>, monotonic: Double, wall: Double,
                              onSample: ((Sample) -> Void)? = nil, afterSample: ((Sample, PipelineSnapshot) -> Void)? = nil,
                              emit: (TimedEvent) -> Void) {
        self.wall = wall
        // The decoder is moved out while it feeds (a placeholder holds its place), so that each
        // output goes straight to the pipeline: no array of outputs per read.
        var decoder: any StreamDecoder = DetachedDecoder()
        swap(&decoder, &self.decoder)
        decoder.feed(bytes, hostTime: monotonic) { handle($0, onSample: onSample, afterSample: afterSample, emit: emit) }
        swap(&decoder, &self.decoder)
    }

    /// The end of the stream: flush the decoder, close open episodes.
    public mutating func finish(onSample: ((Sample) -> Void)? = nil, afterSample: ((Sample, PipelineSnapshot) -> Void)? = nil,
                                emit: (TimedEvent) -> Void) {
        var outputs: [DecoderOutput] = []
        decoder.finish(hostTime: 0) { outputs.append($0) }
        for output in outputs { handle(output, onSample: onSample, afterSample: afterSample, emit: emit) }
        let wall = self.wall
        pipeline.finish { emit(TimedEvent(event: $0, wall: wall)) }
    }

    /// The link came up (first connection or a reconnect).
    public mutating func linkConnected(device: String, wall: Double, emit: (TimedEvent) -> Void) {
        self.wall = wall
        emit(TimedEvent(event: Event(time: lastSampleTime ?? 0, kind: .linkConnected(device: device)), wall: wall))
        if let down = linkDownAt {
            emit(TimedEvent(event: Event(time: lastSampleTime ?? 0, kind: .linkGap(duration: max(0, wall - down), lostFrames: 0)), wall: wall))
            linkDownAt = nil
        }
    }

    /// The link went down; the next `linkConnected` reports the gap.
    public mutating func linkDisconnected(reason: String, wall: Double, emit: (TimedEvent) -> Void) {
        self.wall = wall
        linkDownAt = wall
        decoder.resetLink()
        emit(TimedEvent(event: Event(time: lastSampleTime ?? 0, kind: .linkDisconnected(reason: reason)), wall: wall))
    }

    private mutating func handle(_ output: DecoderOutput, onSample: ((Sample) -> Void)?, afterSample: ((Sample, PipelineSnapshot) -> Void)?,
                                 emit: (TimedEvent) -> Void) {
        switch output {
        case .sample(let sample):
            let t = sample.time
            if pendingLostFrames > 0, let last = lastSampleTime {
                emit(TimedEvent(event: Event(time: t, kind: .linkGap(duration: max(0, t - last), lostFrames: pendingLostFrames)), wall: wall))
                pendingLostFrames = 0
            }
            lastSampleTime = t
            if let base = wallFromStreamTime { wall = base + t }
            guard window.contains(t) else { return }
            samplesProcessed += 1
            onSample?(sample)
            let wall = self.wall
            pipeline.process(sample) { emit(TimedEvent(event: $0, wall: wall)) }
            afterSample?(sample, pipeline.snapshot)
        case .anomaly(let anomaly) where anomaly.kind == .gap:
            // Reported once the next sample shows how much stream time the loss covered.
            pendingLostFrames += anomaly.count
        case .anomaly(let anomaly):
            // Kept so that a replay can say which line of a text recording was skipped, not only how many.
            if anomaly.kind == .badLine, firstBadLine == nil { firstBadLine = anomaly.detail }
        case .message(_, .status(let status)):
            if let percent = status.batteryPercent { batteryPercent = Int(percent) }
        case .message:
            break
        }
    }
}

/// Holds an engine's decoder place while the real decoder is feeding (see `SessionEngine.feed`).
private struct DetachedDecoder: StreamDecoder {
    var protocolName: String { "detached" }
    var statistics: DecoderStatistics { DecoderStatistics() }
    mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {}
    mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {}
}
