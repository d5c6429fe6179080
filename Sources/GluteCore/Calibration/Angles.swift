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
