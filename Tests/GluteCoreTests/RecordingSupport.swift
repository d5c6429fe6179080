import Foundation
import GluteCore
import GluteWire

/// Reads the shared real recordings for tests (a small local parser; the product's CSV decoder
/// lives in GluteWire and is tested there).
enum Recordings {
    /// `../shared/data` beside the package root, derived from this file's path.
    static let dataDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent(relative).path)
    }

    static func rows(_ relative: String, skipHeader: Bool) throws -> [[Substring]] {
        let text = try String(contentsOf: dataDirectory.appendingPathComponent(relative), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        if skipHeader { lines.removeFirst() }
        return lines.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// Every HAPT recording present (`NAME.csv` with `NAME.labels.csv`), in name order.
    static var haptRecordings: [String] {
        let directory = dataDirectory.appendingPathComponent("hapt").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".labels.csv") }.map { String($0.dropLast(".labels.csv".count)) }
            .filter { names.contains($0 + ".csv") }.sorted()
    }

    /// `time_s,acc_x_g,acc_y_g,acc_z_g,gyro_x_dps,gyro_y_dps,gyro_z_dps`.
    static func hapt(_ name: String) throws -> [IMUSample] {
        try rows("hapt/\(name).csv", skipHeader: true).map { r in
            let v = r.map { Double($0)! }
            return IMUSample(time: v[0], accel: Vector3(v[1], v[2], v[3]), gyro: Vector3(v[4], v[5], v[6]))
        }
    }

    static func haptLabels(_ name: String) throws -> [LabelledSpan] {
        try rows("hapt/\(name).labels.csv", skipHeader: true).map { r in
            LabelledSpan(start: Double(r[0])!, end: Double(r[1])!, activity: String(r[2]))
        }
    }

    /// Headerless `unix_time_us,acc_x,acc_y,acc_z` in m/s^2; time from the first sample, accel in g,
    /// no gyroscope.
    static func sit2stand() throws -> [IMUSample] {
        let rows = try rows("sit2stand-lumbar/sample.csv", skipHeader: false)
        let values = rows.map { $0.map { Double($0)! } }
        let t0 = values[0][0]
        return values.map { v in
            IMUSample(time: (v[0] - t0) / 1e6, accel: Vector3(v[1], v[2], v[3]) * (1 / 9.80665), gyro: .zero)
        }
    }
}
