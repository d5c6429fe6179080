import Foundation
import GluteCore
import GluteDevices
import GluteWire

/// The mobgap lower-back recordings (Mobilise-D, a McRoberts sensor at L5): the share of their
/// reference walking time (from the motion-capture or INDIP reference system) that the posture
/// classifier calls upright (walking or standing), replayed with the automatic neutral.
public enum WalkingBoutEvaluation {
    public struct Row: Sendable {
        public var name: String
        public var walkingSeconds: Double
        public var uprightSeconds: Double
        public var calibratedAt: Double?
        public var share: Double? { walkingSeconds > 0 ? uprightSeconds / walkingSeconds : nil }
    }

    /// mobgap's sensor frame: x inferior-superior (up), y medial-lateral, z posterior-anterior (forward); -y is then left.
    public static let mount = "z,-y,x"

    /// The trials in `directory`: `NAME_lowerback.csv.gz` with `NAME_reference_walking_bouts.csv`.
    public static func trials(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix("_lowerback.csv.gz") }.map { String($0.dropLast("_lowerback.csv.gz".count)) }
            .filter { names.contains($0 + "_reference_walking_bouts.csv") }.sorted()
    }

    /// Reference bouts `system,bout_type,start_s,end_s,...`: the first system listed, micro walking
    /// bouts, seconds from the trial's first sample.
    static func bouts(_ path: String) throws(InputError) -> [LabelledSpan] {
        let text = String(decoding: try ChunkedFileReader.readAll(path), as: UTF8.self)
        var spans: [LabelledSpan] = []
        var system: Substring?
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() where n > 0 {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 4, let a = Double(f[2]), let b = Double(f[3]) else {
                throw InputError("\(path): line \(n + 1) is not system,bout_type,start_s,end_s,...")
            }
            if system == nil { system = f[0] }
            if f[0] == system && f[1] == "MicroWB" { spans.append(LabelledSpan(start: a, end: b, activity: "walking")) }
        }
        return spans
    }

    public static func run(directory: String, name: String, base: PipelineSettings = PipelineSettings()) throws -> Row {
        let bouts = try bouts("\(directory)/\(name)_reference_walking_bouts.csv")
        let csv = try GzipFile.decompressedCopy(of: "\(directory)/\(name)_lowerback.csv.gz")
        defer { GzipFile.remove(csv) }
        var settings = base
        settings.neutral = .automatic
        settings.mount = (try? Mount(parsing: mount)) ?? .standard
        var events: [Event] = []
        var first: Double?
        var calibratedAt: Double?
        _ = try ReplayRunner.run(RecordedInput(path: csv), settings: settings, options: ReplayOptions(),
                                 afterSample: { sample, snapshot in
                                     if first == nil { first = sample.time }
                                     if calibratedAt == nil && snapshot.calibrated { calibratedAt = sample.time }
                                 }) { events.append($0.event) }
        let t0 = first ?? 0
        let timeline = PostureTimeline(events: events)
        var row = Row(name: name, walkingSeconds: 0, uprightSeconds: 0, calibratedAt: calibratedAt.map { $0 - t0 })
        for bout in bouts {
            row.walkingSeconds += bout.duration
            row.uprightSeconds += timeline.duration(from: t0 + bout.start, to: t0 + bout.end) { $0?.isUpright == true }
        }
        return row
    }
}
