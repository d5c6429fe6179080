import Foundation
import GluteCore
import GluteDevices
import GluteWire

/// Replays the real recordings in `shared/data` through the path a user runs (`glutebridge replay
/// FILE.csv --mount M`, automatic neutral) for `glutebridge evaluate`.
public enum RecordingEvaluation {
    /// A HAPT recording replayed: its score and when the automatic neutral and the first posture
    /// event came (stream seconds; nil when they never did).
    public struct HAPTRun: Sendable {
        public var name: String
        public var score: PostureScore
        public var calibratedAt: Double?
        public var firstPosture: Double?
        public var postureEvents: Int
    }

    public struct SitToStandRow: Sendable {
        public var reference: Double
        /// Start of the nearest sit-to-stand movement we found, if any.
        public var found: Double?
        public var difference: Double? { found.map { $0 - reference } }
    }

    /// sit2standpy's own detections on its sample file (not ground truth).
    public static let sit2standReference = [23.24, 36.60, 81.64]
    public static let sit2standColumns = "time_us,acc_x_mps2,acc_y_mps2,acc_z_mps2"
    /// The HAPT phone's x axis points up when its wearer stands (see shared/data/README.md); which
    /// of y and z points forward differs between subjects, and posture does not need to know.
    public static let haptMount = "y,z,x"

    /// The HAPT recordings in `directory` (pairs `NAME.csv`, `NAME.labels.csv`), in name order.
    public static func haptRecordings(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".labels.csv") }.map { String($0.dropLast(".labels.csv".count)) }
            .filter { names.contains($0 + ".csv") }.sorted()
    }

    /// The subject of a HAPT recording name (`exp03_user02` -> `user02`).
    public static func subject(of name: String) -> String {
        name.split(separator: "_").last.map(String.init) ?? name
    }

    /// Labels: `start_s,end_s,activity`.
    public static func labels(_ path: String) throws(InputError) -> [LabelledSpan] {
        let text = String(decoding: try ChunkedFileReader.readAll(path), as: UTF8.self)
        var spans: [LabelledSpan] = []
        for (n, line) in text.split(separator: "\n").enumerated() where n > 0 {
            let f = line.split(separator: ",")
            guard f.count >= 3, let a = Double(f[0]), let b = Double(f[1]) else {
                throw InputError("\(path): line \(n + 1) is not start_s,end_s,activity")
            }
            spans.append(LabelledSpan(start: a, end: b, activity: f[2].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return spans
    }

    /// Settings a user replaying a HAPT file would pass: the phone's mount, automatic neutral.
    public static func haptSettings(_ base: PipelineSettings = PipelineSettings()) -> PipelineSettings {
        var settings = base
        settings.neutral = .automatic
        settings.mount = (try? Mount(parsing: haptMount)) ?? .standard
        return settings
    }

    /// One HAPT recording replayed from stream time `from` (nil: the start), scored on the labels
    /// that lie after it.
    public static func runHAPT(directory: String, name: String, settings: PipelineSettings,
                               from: Double? = nil) throws -> HAPTRun {
        var labels = try labels("\(directory)/\(name).labels.csv")
        if let from { labels = labels.filter { $0.start >= from } }
        var events: [Event] = []
        var calibratedAt: Double?
        let options = ReplayOptions(window: from.map { $0...Double.greatestFiniteMagnitude })
        _ = try ReplayRunner.run(RecordedInput(path: "\(directory)/\(name).csv"), settings: settings, options: options,
                                 afterSample: { sample, snapshot in
                                     if calibratedAt == nil && snapshot.calibrated { calibratedAt = sample.time }
                                 }) { events.append($0.event) }
        let postures = events.filter { $0.type == "posture" }
        let score = PostureScorer.score(labels: labels, timeline: PostureTimeline(events: events))
        return HAPTRun(name: name, score: score, calibratedAt: calibratedAt, firstPosture: postures.first?.time,
                       postureEvents: postures.count)
    }

    /// The sit2stand-lumbar sample (accelerometer only, unknown mounting): sit-to-stand movement
    /// starts against the package's detections.
    public static func sitToStand(file: String) throws -> (rows: [SitToStandRow], found: [Double]) {
        var samples: [IMUSample] = []
        _ = try ReplayRunner.run(RecordedInput(path: file, decoder: .csv), settings: PipelineSettings(),
                                 options: ReplayOptions(decoder: .csv, columns: sit2standColumns),
                                 onSample: { if case .imu(let s) = $0 { samples.append(s) } }) { _ in }
        let found = SitToStandFinder.sitToStand(in: samples)
        let rows = sit2standReference.map { r in
            SitToStandRow(reference: r, found: found.min { abs($0.start - r) < abs($1.start - r) }?.start)
        }
        return (rows, found.map(\.start))
    }
}
