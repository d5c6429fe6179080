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
        appendRow(for: sample, to: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Appends the row for `sample` (without a newline) to `text`.
    public mutating func appendRow(for sample: IMUSample, to text: inout TextBuffer) {
        var s = sample
        if !useMagnetometer { s.mag = nil }
        let q: Quaternion
        if let step = fixedStep, s.quaternion == nil {
            ahrs.update(gyro: s.gyro, accel: s.accel, mag: s.mag, dt: step)
            q = ahrs.quaternion
        } else {
            tracker.update(s)
            q = tracker.quaternion
        }
        let e = q.fusionEulerDegrees
        text.row(maxBytes: 8 * (FixedDecimal.maxLength + 1)) { out in
            // Written out, not looped over an array of the seven: each call then sees its
            // precision as a constant (a fifth fewer instructions per row).
            out.fixed(s.time, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.roll, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.pitch, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(e.yaw, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.w, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.x, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.y, decimals: 6, nonFinite: .null)
            out.byte(0x2C); out.fixed(q.z, decimals: 6, nonFinite: .null)
        }
    }
}
