// Quaternion and vector arithmetic for the orientation filter. Kept in a namespace of its own so
// that it cannot collide with helpers other GluteCore files may add to the shared value types.

// The elementary functions (sin, cos, atan2, asin) come from swift-numerics' RealModule: GluteCore
// stays free of the C library, clocks and file descriptors.
import GluteWire

import RealModule

/// Small, inlinable arithmetic on `Vector3` and `Quaternion` used by the filter's hot path.
enum AHRSMath {
    static let degreesToRadians = Double.pi / 180
    static let radiansToDegrees = 180 / Double.pi

    @inline(__always)
    static func normalised(_ v: Vector3) -> Vector3 {
        let n = v.norm
        return n > 0 ? v * (1 / n) : .zero
    }

    @inline(__always)
    static func normalised(_ q: Quaternion) -> Quaternion {
        let n = (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z).squareRoot()
        guard n > 0 else { return .identity }
        let s = 1 / n
        return Quaternion(w: q.w * s, x: q.x * s, y: q.y * s, z: q.z * s)
    }

    /// Hamilton product a * b.
    @inline(__always)
    static func product(_ a: Quaternion, _ b: Quaternion) -> Quaternion {
        Quaternion(w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
                   x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                   y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                   z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    /// Unit quaternion of the rotation whose axis is `halfAngle`'s direction and whose angle is
    /// twice its length (radians).
    @inline(__always)
    static func rotation(halfAngle h: Vector3) -> Quaternion {
        let n = h.norm
        // sin(n) / n, with its series where the division would lose precision.
        let scale = n > 1e-4 ? Double.sin(n) / n : 1 - n * n / 6
        return Quaternion(w: Double.cos(n), x: h.x * scale, y: h.y * scale, z: h.z * scale)
    }

    /// Rotates a sensor-frame vector into the earth frame (q v q*).
    @inline(__always)
    static func sensorToEarth(_ q: Quaternion, _ v: Vector3) -> Vector3 {
        let xx = q.x * q.x, yy = q.y * q.y, zz = q.z * q.z
        let xy = q.x * q.y, xz = q.x * q.z, yz = q.y * q.z
        let wx = q.w * q.x, wy = q.w * q.y, wz = q.w * q.z
        return Vector3((1 - 2 * (yy + zz)) * v.x + 2 * (xy - wz) * v.y + 2 * (xz + wy) * v.z,
                       2 * (xy + wz) * v.x + (1 - 2 * (xx + zz)) * v.y + 2 * (yz - wx) * v.z,
                       2 * (xz - wy) * v.x + 2 * (yz + wx) * v.y + (1 - 2 * (xx + yy)) * v.z)
    }

    /// Half of the earth's up axis (NWU z) seen from the sensor: the third row of the rotation
    /// matrix, halved so that the cross product with a unit vector is half the correction angle.
    @inline(__always)
    static func halfUp(_ q: Quaternion) -> Vector3 {
        Vector3(q.x * q.z - q.w * q.y, q.y * q.z + q.w * q.x, q.w * q.w - 0.5 + q.z * q.z)
    }

    /// Half of the earth's west axis (NWU y) seen from the sensor: the rotation matrix's second row.
    @inline(__always)
    static func halfWest(_ q: Quaternion) -> Vector3 {
        Vector3(q.x * q.y + q.w * q.z, q.w * q.w - 0.5 + q.y * q.y, q.y * q.z - q.w * q.x)
    }

    /// Rotation axis, scaled by half the sine of the angle, that turns `measured` towards the half
    /// length `halfEstimated`. Past 90 degrees the sine shrinks again, so the error is given full
    /// (unit) weight there to keep the correction pushing the right way.
    @inline(__always)
    static func halfFeedback(measured: Vector3, halfEstimated: Vector3) -> Vector3 {
        let c = Vector3.cross(measured, halfEstimated)
        return Vector3.dot(measured, halfEstimated) < 0 ? normalised(c) : c
    }

    /// Rotates `q` about the earth's up axis so that its heading becomes zero.
    static func zeroHeading(_ q: Quaternion) -> Quaternion {
        let heading = Double.atan2(y: q.w * q.z + q.x * q.y, x: 0.5 - q.y * q.y - q.z * q.z)
        let half = 0.5 * heading
        return product(Quaternion(w: Double.cos(half), x: 0, y: 0, z: -Double.sin(half)), q)
    }
}

extension Quaternion {
    /// Roll, pitch and yaw in degrees with Fusion's conventions (ZYX, earth NWU), so that figures
    /// compare one to one with Fusion's output.
    public var fusionEulerDegrees: (roll: Double, pitch: Double, yaw: Double) {
        let roll = Double.atan2(y: y * z + w * x, x: w * w + z * z - 0.5)
        let s = 2 * (w * y - x * z)
        let pitch = Double.asin(Swift.min(1, Swift.max(-1, s)))
        let yaw = Double.atan2(y: x * y + w * z, x: w * w + x * x - 0.5)
        return (roll * AHRSMath.radiansToDegrees, pitch * AHRSMath.radiansToDegrees,
                yaw * AHRSMath.radiansToDegrees)
    }
}
