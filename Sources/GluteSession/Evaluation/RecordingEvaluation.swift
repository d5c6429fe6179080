import Foundation
import GluteCore
import GluteDevices
import GluteWire

/// Scores the posture classifier on the real recordings in `shared/data` through the replay path a
/// user runs (`glutebridge replay FILE.csv --neutral A..B`), for `glutebridge evaluate`.
public enum RecordingEvaluation {
    public struct HAPTRow: Sendable {
        public var name: String
        public var neutral: ClosedRange<Double>
        public var score: PostureScore
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

    /// The HAPT recordings in `directory` (pairs `NAME.csv`, `NAME.labels.csv`), in name order.
    public static func haptRecordings(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".labels.csv") }.map { String($0.dropLast(".labels.csv".count)) }
            .filter { names.contains($0 + ".csv") }.sorted()
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

    /// One HAPT recording: neutral from its first labelled standing span, replayed at full speed.
    public static func scoreHAPT(directory: String, name: String, settings base: PipelineSettings = PipelineSettings()) throws -> HAPTRow {
        let labels = try labels("\(directory)/\(name).labels.csv")
        guard let standing = labels.first(where: { $0.activity == "standing" }) else {
            throw InputError("\(name): no standing span to calibrate on")
        }
        var settings = base
        settings.neutral = .window(start: standing.start, end: standing.end)
        var events: [Event] = []
        _ = try ReplayRunner.run(RecordedInput(path: "\(directory)/\(name).csv"), settings: settings, options: ReplayOptions()) {
            events.append($0.event)
        }
        let score = PostureScorer.score(labels: labels, timeline: PostureTimeline(events: events))
        return HAPTRow(name: name, neutral: standing.start...standing.end, score: score)
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
