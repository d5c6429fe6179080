import ArgumentParser
import Foundation
import GluteCore
import GluteLog
import GluteSession
import GluteWire

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a day at a glance as a self-contained HTML page (or the timeline as SVG).",
        discussion: """
        Reads capture files, CSV or raw recordings (replayed through the same detection
        as `replay`) and JSONL event logs (`--format jsonl` output of monitor, record
        or replay). Several files are put on one timeline in time order. The page has
        inline CSS and SVG only: no script and nothing loaded from the network.
        Event logs carry no tilt samples, so their tilt plot stays empty.

        Examples:
          glutebridge report monday.gbcap -o monday.html
          glutebridge report morning.gbcap afternoon.jsonl -o day.html
          glutebridge report session.csv --svg -o timeline.svg
        """
    )

    @Argument(help: ArgumentHelp("Capture, CSV or JSONL event log files.", valueName: "FILE"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (created 0600, never overwritten), or - for standard output.", valueName: "FILE"))
    var output: String

    @Flag(help: "Write the timeline SVG alone instead of the HTML page.")
    var svg = false

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of plain recordings (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV.", valueName: "LIST"))
    var columns: String?

    @OptionGroup var detection: DetectionOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        let settings = try detection.resolved().pipeline
        var sources: [ReportSource] = []
        for file in files {
            if let log = try EventLogFile.read(file) {
                sources.append(.log(log))
            } else {
                do {
                    sources.append(.recording(try RecordedInput(path: file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:)))))
                } catch {
                    throw CLIError("\(error)")
                }
            }
        }
        // Wall times are known for captures and event logs; plain recordings only have the file's
        // modification time, which says nothing about when they were recorded.
        let wallClock = sources.allSatisfy(\.knowsWallTime)
        if wallClock { sources.sort { $0.startWall < $1.startWall } }
        var builder = DayReportBuilder(wallClock: wallClock, utcOffset: TimeZone.current.secondsFromGMT(),
                                       tiltThreshold: settings.tilt.limit)
        for source in sources {
            switch source {
            case .log(let log):
                builder.beginSource(log.label, offset: wallClock ? log.wallOffset : nil)
                for event in log.events { builder.observe(event) }
                builder.endSource(lastSampleTime: log.events.last?.time)
            case .recording(let input):
                // Each capture calibrated as it was recorded, as `replay` does.
                let own = input.recordedCalibration == nil ? settings
                    : try detection.resolved(announcingProfile: false, recorded: input.recordedCalibration).pipeline
                try replay(input, settings: own, wallClock: wallClock, into: &builder)
            }
        }
        let report = builder.build()
        let text = svg ? ReportRenderer.svg(report) : ReportRenderer.html(report)
        if output == "-" {
            _ = Output.raw(Array(text.utf8), to: 1)
            return
        }
        do {
            let sink = try AppendOnlyFile(path: output, mode: .createNew)
            try sink.append(text)
            try sink.close()
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// Replays one recording: the engine's events, and the tilt its pipeline reached after each sample.
    private func replay(_ input: RecordedInput, settings: PipelineSettings, wallClock: Bool, into builder: inout DayReportBuilder) throws {
        var firstSampleTime: Double?
        var pending: [Event] = []
        var tilt: [(Double, Double)] = []
        let result = try ReplayRunner.run(input, settings: settings, options: ReplayOptions(columns: columns), afterSample: { sample, snapshot in
            if firstSampleTime == nil { firstSampleTime = sample.time }
            if let degrees = snapshot.tilt { tilt.append((sample.time, degrees)) }
        }) { timed in
            pending.append(timed.event)
        }
        if let first = result.firstBadLine {
            Output.error("report: \(input.path): skipped \(result.statistics.badLines) line\(result.statistics.badLines == 1 ? "" : "s") that \(result.statistics.badLines == 1 ? "is" : "are") not a sample; the first: \(first)")
        }
        if result.samples == 0 {
            throw CLIError("\(input.path): no samples decoded (\(input.decoderChoice.rawValue) protocol; try --protocol or --columns)")
        }
        let offset = wallClock ? input.startWall - (firstSampleTime ?? 0) : nil
        builder.beginSource(input.sourceLabel, offset: offset)
        for (t, d) in tilt { builder.observeTilt(time: t, degrees: d) }
        for event in pending { builder.observe(event) }
        builder.endSource(lastSampleTime: result.lastSampleTime)
    }
}

/// One input file of a report.
private enum ReportSource {
    case log(EventLogFile)
    case recording(RecordedInput)

    var knowsWallTime: Bool {
        switch self {
        case .log(let log): return log.wallOffset != nil
        case .recording(let input): return input.isCapture
        }
    }

    var startWall: Double {
        switch self {
        case .log(let log): return (log.wallOffset ?? 0) + (log.events.first?.time ?? 0)
        case .recording(let input): return input.startWall
        }
    }
}

/// A JSONL event log read back into events.
private struct EventLogFile {
    var label: String
    var events: [Event]
    /// Wall time minus stream time, from the lines' `time` fields (nil when none had one).
    var wallOffset: Double?

    /// The log at `path`, or nil when the file is not an event log (its first line is no JSON
    /// session line with a schema).
    static func read(_ path: String) throws -> EventLogFile? {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096), let firstByte = head.first(where: { !$0.isWhitespace }),
              firstByte == UInt8(ascii: "{") else { return nil }
        let firstLine = head.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first ?? head[...]
        guard let session = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any],
              session["schema"] != nil else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw CLIError("\(path): \(error.localizedDescription)") }
        var log = EventLogFile(label: (session["source"] as? String) ?? path, events: [], wallOffset: nil)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            number += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw CLIError("\(path):\(number): not a JSON object")
            }
            guard let t = object["t"] as? Double else { continue }
            for (field, value) in object.sorted(by: { $0.key < $1.key }) {
                if let v = value as? Double, let problem = EventLogFieldRange.problem(field: field, value: v) {
                    throw CLIError("\(path):\(number): \(problem)")
                }
            }
            if log.wallOffset == nil, let text = object["time"] as? String, let date = iso.date(from: text) {
                log.wallOffset = date.timeIntervalSince1970 - t
            }
            if let event = event(object, time: t) { log.events.append(event) }
        }
        return log
    }

    /// The event a JSONL line describes; nil for types the report does not know (session lines,
    /// summaries, types from a newer schema).
    static func event(_ o: [String: Any], time t: Double) -> Event? {
        func num(_ k: String) -> Double { (o[k] as? Double) ?? 0 }
        func int(_ k: String) -> Int { (o[k] as? Int) ?? Int(checked: num(k)) ?? 0 }
        func str(_ k: String) -> String { (o[k] as? String) ?? "" }
        func side(_ k: String) -> Side { Side(rawValue: str(k)) ?? .unknown }
        let kind: EventKind
        switch o["type"] as? String {
        case "posture":
            guard let posture = Posture(rawValue: str("posture")) else { return nil }
            kind = .posture(posture, since: num("since"), previous: Posture(rawValue: str("previous")))
        case "sitting.prolonged": kind = .sittingProlonged(since: num("since"), duration: num("duration_s"), limit: num("limit_s"))
        case "sitting.break": kind = .sittingBreak(bout: num("bout_s"), breakLength: num("break_s"))
        case "tilt.anterior.start": kind = .tiltAnteriorStart(angle: num("angle"), threshold: num("threshold"), delay: num("delay_s"))
        case "tilt.anterior.end": kind = .tiltAnteriorEnd(peak: num("peak"), threshold: num("threshold"), duration: num("duration_s"))
        case "squeeze":
            kind = .squeeze(start: num("start"), duration: num("duration_s"), side: side("side"), strength: num("strength"),
                            source: SensorSource(rawValue: str("source")) ?? .imu)
        case "pelvic_drop": kind = .pelvicDrop(side: side("side"), angle: num("angle"), threshold: num("threshold"), stance: side("stance"))
        case "exercise.rep": kind = .exerciseRep(rep: int("rep"), hold: num("hold_s"), target: num("target_s"), short: (o["short"] as? Bool) ?? false)
        case "exercise.set":
            kind = .exerciseSet(reps: int("reps"), targetReps: int("target_reps"), shortReps: int("short_reps"), meanHold: num("mean_hold_s"))
        case "link.connected": kind = .linkConnected(device: str("device"))
        case "link.disconnected": kind = .linkDisconnected(reason: str("reason"))
        case "link.gap": kind = .linkGap(duration: num("duration_s"), lostFrames: int("lost_frames"))
        default: return nil
        }
        return Event(time: t, kind: kind)
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
