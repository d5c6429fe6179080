import GluteCore
import GluteLog
import GluteWire

/// Orientation rows for `export --orientation`: `time_s,roll_deg,pitch_deg,yaw_deg,qw,qx,qy,qz`
/// in the sensor frame, Euler angles in Fusion's ZYX convention.
public struct OrientationExporter: Sendable {
    public static let header = "time_s,roll_deg,pitch_deg,yaw_deg,qw,qx,qy,qz"

    private var tracker: OrientationTracker
    private var ahrs: AHRS
    private let fixedStep: Double?
    private let useMagnetometer: Bool

    /// - Parameters:
    ///   - fixedRate: integrate with a fixed step of 1/rate instead of the timestamps (as Fusion's
    ///     examples do with a nominal sample rate).
    ///   - useMagnetometer: false ignores a magnetometer (6-axis).
    public init(settings: AHRSSettings, fixedRate: Double? = nil, useMagnetometer: Bool = true) {
        tracker = OrientationTracker(settings: settings)
        ahrs = AHRS(settings: settings)
        fixedStep = fixedRate.map { 1 / $0 }
        self.useMagnetometer = useMagnetometer
    }

    public mutating func row(for sample: IMUSample) -> String {
        var text = TextBuffer(capacity: 512)
        appendRow(for: sample, to: &text, newline: false)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Appends the row for `sample` to `text`, with its newline unless `newline` is false.
    public mutating func appendRow(for sample: IMUSample, to text: inout TextBuffer, newline: Bool = true) {
        let q: Quaternion
        if let step = fixedStep, sample.quaternion == nil {
            ahrs.update(gyro: sample.gyro, accel: sample.accel, mag: useMagnetometer ? sample.mag : nil, dt: step)
            q = ahrs.quaternion
        } else if useMagnetometer || sample.mag == nil {
            tracker.update(sample)
            q = tracker.quaternion
        } else {
            var s = sample
            s.mag = nil
            tracker.update(s)
            q = tracker.quaternion
        }
        let e = q.fusionEulerDegrees
        let time = sample.time
        text.row(maxBytes: 8 * (FixedDecimal.maxLength + 1)) { out in
            // Written out, not looped over an array of the seven: each call then sees its
            // precision as a constant (a fifth fewer instructions per row). The newline is
            // part of the row: a second `row` call per line cost more than the byte.
            out.fixed(time, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.roll, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.pitch, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.yaw, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.w, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.x, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.y, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.z, decimals: 6, nonFinite: .null)
            if newline { out.byte(0x0A) }
        }
    }
}
