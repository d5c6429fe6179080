import Foundation
import GluteCore
import GluteWire

/// `check`'s verdict as the user reads it: one short paragraph per step, with the measured
/// numbers and the thresholds they were held against.
public enum SelfTestVerdict {
    public static func lines(_ r: SelfTestResult) -> [String] {
        var out: [String] = []
        out += belt(r.beltLine)
        out += leg(r.leftLeg, name: "Left leg raise")
        out += leg(r.rightLeg, name: "Right leg raise")
        let weak = r.weakSides
        if let left = r.leftLeg, let right = r.rightLeg, left.standing || right.standing {
            let sides = left.standing && right.standing ? "on either side" : "in the raise done standing"
            out.append(weak.isEmpty
                ? "  => no pelvic drop beyond the threshold \(sides): the hip abductors hold the pelvis level."
                : "  => weak glutes (gluteus medius) on the \(weak.map(\.rawValue).joined(separator: " and ")) side.")
        }
        out += squeeze(r.squeezeLeft)
        out += squeeze(r.squeezeRight)
        if !r.complete { out.append("The stream ended before every step was measured; steps not shown were not reached.") }
        return out
    }

    package static func belt(_ b: BeltLineResult?) -> [String] {
        guard let b else { return [] }
        var out = ["Belt line (standing relaxed):"]
        if let tilt = b.tiltFromNeutral {
            let range = b.tiltRange.map { " (\(d($0.lowerBound))..\(d($0.upperBound)))" } ?? ""
            let verdict = b.tiltedFromNeutral ? "tipped forward beyond" : "within"
            out.append("  tilt against the \(b.neutral) neutral \(signed(tilt)) deg\(range): \(verdict) the \(d(b.threshold)) deg limit")
            if b.neutral == "automatic" {
                out.append("  note: the automatic neutral is taken from this same standing; run `glutebridge calibrate` for a neutral that means something here")
            }
        } else {
            out.append("  tilt against neutral: not measured (no neutral yet: stand still for a few seconds, or calibrate first)")
        }
        if let drop = b.mountForwardDrop {
            let how = drop >= 0 ? "drops towards the front by \(d(drop)) deg" : "rises towards the front by \(d(-drop)) deg"
            let verdict = b.dropsToFront ? "beyond" : "within"
            out.append("  against the sensor's mounting: the belt line \(how) (\(verdict) the \(d(b.threshold)) deg limit)")
        }
        if let side = b.mountLeftDrop, abs(side) >= 3 {
            out.append("  sideways: the \(side > 0 ? "left" : "right") side sits \(d(abs(side))) deg lower")
        }
        if let share = b.standingShare, share < 0.5 {
            out.append("  note: standing was recognised for only \(Int(saturating: share * 100, rounding: .toNearestOrAwayFromZero)) % of the step")
        }
        return out
    }

    package static func leg(_ l: LegRaiseResult?, name: String) -> [String] {
        guard let l else { return [] }
        guard let drop = l.drop else { return ["\(name): not measured (no neutral pelvis yet)"] }
        let stance = l.lifted == .left ? "right" : "left"
        guard l.standing else {
            return ["\(name): not standing for most of the hold (\(Int(saturating: (l.standingShare ?? 0) * 100, rounding: .toNearestOrAwayFromZero)) %): no verdict; do it standing"]
        }
        let how = drop >= 0 ? "the \(l.lifted.rawValue) side dropped \(d(drop)) deg" : "the \(l.lifted.rawValue) side rose \(d(-drop)) deg"
        let verdict = l.significant
            ? "beyond the \(d(l.threshold)) deg limit: the \(stance) glutes (stance side) look weak"
            : "within the \(d(l.threshold)) deg limit"
        return ["\(name): \(how), \(verdict)"]
    }

    package static func squeeze(_ s: SqueezeTestResult?) -> [String] {
        guard let s else { return [] }
        let name = "Squeeze \(s.side.rawValue)"
        guard let sensor = s.sensor, let peak = s.peak else { return ["\(name): not measured (no tilt or seat load)"] }
        var line: String
        switch sensor {
        case .cushion:
            line = "\(name) (cushion): \(s.side.rawValue) seat load rose \(pct(peak)) (other side \(pct(s.otherSidePeak ?? 0)))"
        case .imu:
            line = "\(name) (belt IMU: tilt change, both sides alike): pelvis tucked \(d(peak)) deg"
        }
        if let onset = s.onsetLatency {
            let threshold = sensor == .cushion ? pct(s.threshold) : "\(d(s.threshold)) deg"
            line += ": engaged after \(d(onset)) s (threshold \(threshold)), strength \(Int(saturating: (s.strength ?? 0) * 100, rounding: .toNearestOrAwayFromZero)) %"
        } else {
            line += ": not engaged (threshold \(sensor == .cushion ? pct(s.threshold) : "\(d(s.threshold)) deg"))"
        }
        return [line]
    }

    package static func d(_ x: Double) -> String { String(format: "%.1f", x) }
    package static func signed(_ x: Double) -> String { String(format: "%+.1f", x) }
    package static func pct(_ x: Double) -> String { "\(Int(saturating: x * 100, rounding: .toNearestOrAwayFromZero)) %" }
}
