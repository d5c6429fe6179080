import GluteCore
import GluteDevices
import GluteLog
import GluteSession

/// One input file of a report: a JSONL event log, or a recording replayed through the detectors.
public enum ReportSource: Sendable {
    case log(EventLog)
    case recording(RecordedInput)

    /// The file at `path`: an event log when its first line says so, else a recording (`decoder`
    /// names the protocol of a plain recording; nil detects it).
    public static func open(_ path: String, decoder: DecoderChoice?) throws -> ReportSource {
        if let log = try EventLog.read(path) { return .log(log) }
        return .recording(try RecordedInput(path: path, decoder: decoder))
    }

    var knowsWallTime: Bool {
        switch self {
        case .log(let log): return log.wallOffset != nil
        case .recording(let input): return input.isCapture
        }
    }

    var isLog: Bool {
        if case .log = self { return true } else { return false }
    }

    var startWall: Double {
        switch self {
        case .log(let log): return (log.wallOffset ?? 0) + (log.events.first?.time ?? 0)
        case .recording(let input): return input.startWall
        }
    }
}

/// Puts the report's inputs on one timeline: event logs as they are, recordings replayed with the
/// pipeline settings `settings(input)` gives each.
public enum ReportAssembly {
    /// `warn` hears what the report carries on past: lines of a recording that are not samples, and
    /// inputs that cover the same wall-clock time. An input whose span lies within one already on
    /// the timeline (a capture and its own event log, a log given twice) is the same session
    /// again: left out, so its events count once. Recordings go first, since only they carry the
    /// tilt. An input that only partly overlaps another stays, and its shared events count twice.
    ///
    /// Recordings are independent: up to `workers` of them are replayed at once (`ParallelWork`),
    /// and each is put on the timeline in input order, so the report, its warnings and its errors
    /// are those of a one-by-one run.
    public static func build(_ sources: [ReportSource], tiltThreshold: Double, utcOffset: Int, options: ReplayOptions,
                             workers: Int = 1, warn: (String) -> Void = { _ in },
                             settings: (RecordedInput) throws -> PipelineSettings) throws -> DayReport {
        // Wall times are known for captures and event logs; plain recordings only have the file's
        // modification time, which says nothing about when they were recorded.
        var sources = sources
        let wallClock = sources.allSatisfy(\.knowsWallTime)
        if wallClock { sources.sort { ($0.isLog ? 1 : 0, $0.startWall) < ($1.isLog ? 1 : 0, $1.startWall) } }
        // Settings are decided here, on this thread (the closure need not be Sendable); one that
        // fails is raised at its input's turn, where a one-by-one run would have raised it.
        let jobs = sources.map { source -> ReplayJob? in
            guard case .recording(let input) = source else { return nil }
            return ReplayJob(input: input, settings: Result { try settings(input) })
        }
        var builder = DayReportBuilder(wallClock: wallClock, utcOffset: utcOffset, tiltThreshold: tiltThreshold)
        var covered: [(label: String, span: ClosedRange<Double>)] = []
        // Where a source is the same session as one already taken: told, and left out.
        func admit(_ label: String, _ span: ClosedRange<Double>?) -> Bool {
            guard wallClock, let span else { return true }
            if let same = covered.first(where: { contains($0.span, span) }) {
                warn("\(label) covers the same wall-clock time as \(same.label) (the same session twice?): counted once, from \(same.label)")
                return false
            }
            if let earlier = covered.first(where: { overlap($0.span, span) >= 1 }) {
                warn("\(label) covers \(EventFormat.number(overlap(earlier.span, span).rounded())) s of the same wall-clock time as \(earlier.label)"
                    + ": the events in that time are counted twice")
            }
            covered.append((label, span))
            return true
        }
        try ParallelWork.forEach(jobs, workers: workers, { job in job?.run(options: options) }) { index, replayed in
            switch sources[index] {
            case .log(let log):
                let last = log.lastTime ?? log.events.last?.time
                guard admit(log.path, wallSpan(offset: log.wallOffset, first: log.events.first?.time ?? last, last: last)) else { return }
                builder.beginSource(log.label, offset: wallClock ? log.wallOffset : nil)
                for event in log.events { builder.observe(event) }
                builder.endSource(lastSampleTime: last)
            case .recording(let input):
                try add(replayed!.get(), of: input, wallClock: wallClock, warn: warn, admit: { admit(input.path, $0) }, into: &builder)
            }
        }
        return builder.build()
    }

    /// `inner` lies within `outer`, give or take a second at either end (a log's first and last
    /// events are not its recording's first and last samples).
    static func contains(_ outer: ClosedRange<Double>, _ inner: ClosedRange<Double>) -> Bool {
        inner.lowerBound >= outer.lowerBound - 1 && inner.upperBound <= outer.upperBound + 1
    }

    /// Seconds two spans share (0 when they do not meet).
    static func overlap(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> Double {
        max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
    }

    static func wallSpan(offset: Double?, first: Double?, last: Double?) -> ClosedRange<Double>? {
        guard let offset, let first, let last, first <= last else { return nil }
        return (offset + first)...(offset + last)
    }

    /// Puts one replayed recording on the timeline: its events, and the tilt its pipeline reached
    /// after each sample. `admit` sees its wall-clock span before anything reaches the timeline,
    /// and may leave it out.
    private static func add(_ replayed: RecordingReplay, of input: RecordedInput, wallClock: Bool, warn: (String) -> Void,
                            admit: (ClosedRange<Double>?) -> Bool, into builder: inout DayReportBuilder) throws {
        let result = replayed.result, firstSampleTime = replayed.firstSampleTime
        if let first = result.firstBadLine {
            let n = result.statistics.badLines
            warn("\(input.path): skipped \(n) line\(n == 1 ? "" : "s") that \(n == 1 ? "is" : "are") not a sample; the first: \(first)")
        }
        if result.samples == 0 {
            throw InputError("\(input.path): no samples decoded (\(input.decoderChoice.rawValue) protocol; try --protocol or --columns)")
        }
        guard admit(wallSpan(offset: input.startWall - (firstSampleTime ?? 0), first: firstSampleTime, last: result.lastSampleTime)) else { return }
        let offset = wallClock ? input.startWall - (firstSampleTime ?? 0) : nil
        builder.beginSource(input.sourceLabel, offset: offset)
        for (t, d) in replayed.tilt { builder.observeTilt(time: t, degrees: d) }
        for event in replayed.events { builder.observe(event) }
        builder.endSource(lastSampleTime: result.lastSampleTime)
    }
}

/// One recording to replay, with the settings decided for it (or why there are none).
private struct ReplayJob: Sendable {
    let input: RecordedInput
    let settings: Result<PipelineSettings, any Error>

    func run(options: ReplayOptions) -> Result<RecordingReplay, any Error> {
        settings.flatMap { settings in Result { try RecordingReplay.run(input, settings: settings, options: options) } }
    }
}
