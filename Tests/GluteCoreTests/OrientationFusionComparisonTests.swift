import Foundation
import Testing
import GluteWire
@testable import GluteCore

/// Compares `AHRS` with x-io's Fusion on Fusion's own example recording and the orientation that
/// Fusion (PyPI imufusion 1.3.3) computed from it, both in ../shared/data/fusion (see its README).
@Suite("Orientation vs Fusion")
struct OrientationFusionComparisonTests {
    static let dataDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/fusion")
    static let sensorFile = dataDirectory.appendingPathComponent("sensor_data.csv")
    static let simple6AxisFile = dataDirectory.appendingPathComponent("fusion_euler_simple_6axis.csv")
    static let nineAxisFile = dataDirectory.appendingPathComponent("fusion_euler.csv")
    static let dataPresent = FileManager.default.fileExists(atPath: sensorFile.path)
        && FileManager.default.fileExists(atPath: simple6AxisFile.path)
        && FileManager.default.fileExists(atPath: nineAxisFile.path)

    struct Row {
        var time: Double
        var gyro: Vector3
        var accel: Vector3
        var mag: Vector3
    }

    struct Euler {
        var roll: Double
        var pitch: Double
        var yaw: Double
    }

    /// Numeric rows of a CSV file with one header line.
    static func numericRows(_ url: URL) throws -> [[Double]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[Double]] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            rows.append(try fields.map { field in
                try #require(Double(field.trimmingCharacters(in: .whitespaces)), "bad number '\(field)' in \(url.lastPathComponent)")
            })
        }
        return rows
    }

    /// sensor_data.csv: time, gyro xyz (deg/s), accel xyz (g), mag xyz (uT).
    static func sensorRows() throws -> [Row] {
        let header = try String(contentsOf: sensorFile, encoding: .utf8).prefix { !$0.isNewline }
        #expect(header.hasPrefix("Time (s),Gyroscope X (deg/s)"), "unexpected header: \(header)")
        return try numericRows(sensorFile).map { r in
            try #require(r.count >= 10)
            return Row(time: r[0], gyro: Vector3(r[1], r[2], r[3]), accel: Vector3(r[4], r[5], r[6]),
                       mag: Vector3(r[7], r[8], r[9]))
        }
    }

    /// Reference files: time_s, roll_deg, pitch_deg, yaw_deg, ...
    static func referenceEuler(_ url: URL) throws -> [Euler] {
        try numericRows(url).map { r in
            try #require(r.count >= 4)
            return Euler(roll: r[1], pitch: r[2], yaw: r[3])
        }
    }

    /// Root mean square of angle differences, each wrapped into [-180, 180).
    static func rms(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && !a.isEmpty)
        var sum = 0.0
        for (x, y) in zip(a, b) {
            let d = remainder(x - y, 360)
            sum += d * d
        }
        return (sum / Double(a.count)).squareRoot()
    }

    static func rmsReport(_ mine: [Euler], _ reference: [Euler]) -> (roll: Double, pitch: Double, yaw: Double) {
        (rms(mine.map(\.roll), reference.map(\.roll)),
         rms(mine.map(\.pitch), reference.map(\.pitch)),
         rms(mine.map(\.yaw), reference.map(\.yaw)))
    }

    @Test("wrap-around RMS treats 179 and -179 degrees as 2 degrees apart")
    func rmsWrapsAngles() {
        #expect(abs(Self.rms([179, -179], [-179, 179]) - 2) < 1e-12)
        #expect(abs(Self.rms([10], [370]) - 0) < 1e-12)
    }

    @Test("6-axis, fusionSimple6Axis, dt 1/100: roll and pitch within 0.5 deg RMS of Fusion",
          .enabled(if: dataPresent, "../shared/data/fusion is absent (see shared data README)"))
    func simple6AxisMatchesFusion() throws {
        let rows = try Self.sensorRows()
        let reference = try Self.referenceEuler(Self.simple6AxisFile)
        try #require(rows.count == reference.count)
        var ahrs = AHRS(settings: .fusionSimple6Axis)
        var mine: [Euler] = []
        mine.reserveCapacity(rows.count)
        for row in rows {
            ahrs.update(gyro: row.gyro, accel: row.accel, mag: nil, dt: 1.0 / 100)
            let e = ahrs.quaternion.fusionEulerDegrees
            mine.append(Euler(roll: e.roll, pitch: e.pitch, yaw: e.yaw))
        }
        let r = Self.rmsReport(mine, reference)
        print("fusion simple 6-axis vs Fusion: RMS roll \(r.roll) pitch \(r.pitch) yaw \(r.yaw) deg over \(rows.count) samples")
        #expect(r.roll < 0.5)
        #expect(r.pitch < 0.5)
    }

    @Test("9-axis, default settings, measured dt: compared with Fusion's advanced example (information)",
          .enabled(if: dataPresent, "../shared/data/fusion is absent (see shared data README)"))
    func nineAxisAgainstFusion() throws {
        let rows = try Self.sensorRows()
        let reference = try Self.referenceEuler(Self.nineAxisFile)
        try #require(rows.count == reference.count)
        var ahrs = AHRS()
        var mine: [Euler] = []
        var previousTime = rows[0].time
        for row in rows {
            ahrs.update(gyro: row.gyro, accel: row.accel, mag: row.mag, dt: row.time - previousTime)
            previousTime = row.time
            let e = ahrs.quaternion.fusionEulerDegrees
            mine.append(Euler(roll: e.roll, pitch: e.pitch, yaw: e.yaw))
        }
        let r = Self.rmsReport(mine, reference)
        print("fusion 9-axis vs Fusion: RMS roll \(r.roll) pitch \(r.pitch) yaw \(r.yaw) deg; final gyro bias \(ahrs.gyroBias)")
        // Information, but still a sanity bound: a broken magnetometer path would miss by tens of degrees.
        #expect(r.roll < 2 && r.pitch < 2 && r.yaw < 5)
    }
}
