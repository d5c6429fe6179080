import RealModule

/// Standard gravity, for converting linear acceleration in m/s^2 into g.
let standardGravity = 9.80665

@inline(__always) func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
@inline(__always) func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
@inline(__always) func sine(_ x: Double) -> Double { Double.sin(x) }
@inline(__always) func cosine(_ x: Double) -> Double { Double.cos(x) }
@inline(__always) func exponential(_ x: Double) -> Double { Double.exp(x) }
@inline(__always) func logarithm(_ x: Double) -> Double { Double.log(x) }
@inline(__always) func clamp(_ x: Double, _ bound: Double) -> Double { min(max(x, -bound), bound) }

/// Position along a minimum-jerk path (Flash and Hogan) at normalised time u in [0, 1], with its
/// first and second derivatives with respect to u: zero velocity and acceleration at both ends,
/// so chained moves are smooth and the gyro stays bounded.
struct MinimumJerk {
    var position: Double
    var velocity: Double
    var acceleration: Double

    init(progress u: Double) {
        if u <= 0 {
            self.position = 0; self.velocity = 0; self.acceleration = 0
        } else if u >= 1 {
            self.position = 1; self.velocity = 0; self.acceleration = 0
        } else {
            let u2 = u * u
            self.position = u2 * u * (10 - 15 * u + 6 * u2)
            self.velocity = 30 * u2 * (1 - u) * (1 - u)
            self.acceleration = 60 * u * (1 - u) * (1 - 2 * u)
        }
    }
}

/// A value with its first and second time derivatives.
struct Motion3: Sendable {
    var value: Double
    var rate: Double
    var acceleration: Double
    static let zero = Motion3(value: 0, rate: 0, acceleration: 0)

    static func + (a: Motion3, b: Motion3) -> Motion3 {
        Motion3(value: a.value + b.value, rate: a.rate + b.rate, acceleration: a.acceleration + b.acceleration)
    }
}

/// Rotation from the sensor (body) frame into the earth frame (x north, y west, z up) built from
/// heading psi about z, then tilt theta about y, then roll phi about x: R = Rz(psi) Ry(theta) Rx(phi).
/// Anterior tilt is +theta (the forward axis dips); obliquity p (left side drops) is phi = -p.
struct Rotation {
    // Row-major entries of R.
    var m00, m01, m02, m10, m11, m12, m20, m21, m22: Double

    init(heading psi: Double, tilt theta: Double, roll phi: Double) {
        let cps = Double.cos(psi), sps = Double.sin(psi)
        let cth = Double.cos(theta), sth = Double.sin(theta)
        let cph = Double.cos(phi), sph = Double.sin(phi)
        m00 = cps * cth; m01 = cps * sth * sph - sps * cph; m02 = cps * sth * cph + sps * sph
        m10 = sps * cth; m11 = sps * sth * sph + cps * cph; m12 = sps * sth * cph - cps * sph
        m20 = -sth;      m21 = cth * sph;                   m22 = cth * cph
    }

    /// R^T v: an earth-frame vector expressed in the sensor frame.
    func toSensor(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        (m00 * x + m10 * y + m20 * z, m01 * x + m11 * y + m21 * z, m02 * x + m12 * y + m22 * z)
    }

    /// The same rotation as a unit quaternion (w first, positive w).
    func quaternion() -> (w: Double, x: Double, y: Double, z: Double) {
        let trace = m00 + m11 + m22
        var w, x, y, z: Double
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            w = s / 4; x = (m21 - m12) / s; y = (m02 - m20) / s; z = (m10 - m01) / s
        } else if m00 > m11 && m00 > m22 {
            let s = (1 + m00 - m11 - m22).squareRoot() * 2
            w = (m21 - m12) / s; x = s / 4; y = (m01 + m10) / s; z = (m02 + m20) / s
        } else if m11 > m22 {
            let s = (1 + m11 - m00 - m22).squareRoot() * 2
            w = (m02 - m20) / s; x = (m01 + m10) / s; y = s / 4; z = (m12 + m21) / s
        } else {
            let s = (1 + m22 - m00 - m11).squareRoot() * 2
            w = (m10 - m01) / s; x = (m02 + m20) / s; y = (m12 + m21) / s; z = s / 4
        }
        if w < 0 { w = -w; x = -x; y = -y; z = -z }
        return (w, x, y, z)
    }
}
