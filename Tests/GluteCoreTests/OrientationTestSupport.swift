import Foundation
import GluteWire
import GluteSim

/// Ground truth for the synthetic orientation tests: attitudes, what a perfect sensor reads in
/// them, and angle errors. Written independently of the filter's own arithmetic.
enum OrientationTruth {
    static let rate = 100.0
    static let dt = 1 / rate

    static func product(_ a: Quaternion, _ b: Quaternion) -> Quaternion {
        Quaternion(w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
                   x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                   y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                   z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    static func conjugate(_ q: Quaternion) -> Quaternion { Quaternion(w: q.w, x: -q.x, y: -q.y, z: -q.z) }

    /// Rotation by `degrees` about `axis` (right hand).
    static func rotation(axis: Vector3, degrees: Double) -> Quaternion {
        let a = axis * (1 / axis.norm)
        let half = degrees * .pi / 360
        return Quaternion(w: cos(half), x: a.x * sin(half), y: a.y * sin(half), z: a.z * sin(half))
    }

    /// Attitude of a belt-worn sensor (x forward, y left, z up) with the pelvis tilted anteriorly
    /// by `anterior` and the left side dropped by `leftDrop`, degrees, facing north.
    static func pelvis(anterior: Double, leftDrop: Double) -> Quaternion {
        product(rotation(axis: Vector3(0, 1, 0), degrees: anterior),
                rotation(axis: Vector3(1, 0, 0), degrees: -leftDrop))
    }

    /// Earth vector seen from the sensor: q* v q.
    static func earthToSensor(_ q: Quaternion, _ v: Vector3) -> Vector3 {
        let r = product(product(conjugate(q), Quaternion(w: 0, x: v.x, y: v.y, z: v.z)), q)
        return Vector3(r.x, r.y, r.z)
    }

    /// What a still accelerometer reads (g): the up direction in the sensor frame.
    static func up(_ q: Quaternion) -> Vector3 { earthToSensor(q, Vector3(0, 0, 1)) }

    /// Angle between two vectors, degrees.
    static func angle(_ a: Vector3, _ b: Vector3) -> Double {
        atan2(Vector3.cross(a, b).norm, Vector3.dot(a, b)) * 180 / .pi
    }

    /// Angle between two attitudes, degrees (sign of the quaternion ignored).
    static func angle(_ a: Quaternion, _ b: Quaternion) -> Double {
        let d = abs(a.w * b.w + a.x * b.x + a.y * b.y + a.z * b.z)
        return 2 * acos(min(d, 1)) * 180 / .pi
    }

    /// Advances an attitude by body rates (deg/s) held for `dt` seconds.
    static func advance(_ q: Quaternion, bodyRate: Vector3, dt: Double) -> Quaternion {
        let degrees = bodyRate.norm * dt
        guard degrees > 0 else { return q }
        return product(q, rotation(axis: bodyRate, degrees: degrees))
    }
}

/// Deterministic pseudo-random numbers (SplitMix64) so that jittered tests repeat exactly.
typealias SeededGenerator = SplitMix64
