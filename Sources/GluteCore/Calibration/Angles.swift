import GluteWire
import RealModule

// Trigonometry in degrees, from swift-numerics: GluteCore imports neither libc nor Foundation.

let degreesPerRadian = 180 / Double.pi

/// atan2 in degrees.
@inline(__always)
func atan2Degrees(_ y: Double, _ x: Double) -> Double {
    Double.atan2(y: y, x: x) * degreesPerRadian
}

/// The angle between two vectors in degrees, robust near 0 and 180.
@inline(__always)
func angleBetween(_ a: Vector3, _ b: Vector3) -> Double {
    atan2Degrees(Vector3.cross(a, b).norm, Vector3.dot(a, b))
}

/// The smoothing weight of a first-order low-pass with time constant `tau` over a step `dt`.
@inline(__always)
func smoothingWeight(dt: Double, tau: Double) -> Double {
    tau <= 0 ? 1 : 1 - Double.exp(-dt / tau)
}

/// Rotates `v` by the small rotation `angle` (radians, axis * angle) with Rodrigues' formula.
@inline(__always)
func rotate(_ v: Vector3, by rotation: Vector3) -> Vector3 {
    let angle = rotation.norm
    guard angle > 1e-12 else { return v }
    let k = rotation * (1 / angle)
    let c = Double.cos(angle), s = Double.sin(angle)
    return v * c + Vector3.cross(k, v) * s + k * (Vector3.dot(k, v) * (1 - c))
}

/// `smoothingWeight(dt:tau:)` remembered for the last two steps seen. A stream's steps take very
/// few distinct values (timestamps in whole microseconds, differenced as doubles, alternate
/// between two roundings of the nominal period), so the exponential is computed a handful of
/// times per stream instead of once per sample; the weights are exactly the same numbers.
struct SmoothingWeightCache: Sendable {
    // NaN matches no step, so an empty entry is never read.
    private var dt0 = Double.nan, weight0 = 0.0
    private var dt1 = Double.nan, weight1 = 0.0
    private var tau = Double.nan

    @inline(__always)
    mutating func weight(dt: Double, tau: Double) -> Double {
        if tau == self.tau {
            if dt == dt0 { return weight0 }
            if dt == dt1 { swap(&dt0, &dt1); swap(&weight0, &weight1); return weight0 }
        } else {
            self.tau = tau
            dt0 = .nan
        }
        dt1 = dt0; weight1 = weight0
        dt0 = dt; weight0 = smoothingWeight(dt: dt, tau: tau)
        return weight0
    }
}
