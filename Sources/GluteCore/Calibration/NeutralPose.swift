import GluteWire

/// The calibrated neutral pelvis, and the pelvis angles relative to it.
///
/// Tilt is the sagittal angle (positive anterior: the front of the pelvis drops); obliquity is the
/// frontal angle (positive when the left side drops). Both are in degrees, from the gravity
/// direction measured in the body frame.
public struct NeutralPose: Sendable, Equatable {
    /// Unit up direction in neutral (body frame).
    public let up: Vector3
    /// Unit forward direction, perpendicular to `up`.
    public let forward: Vector3
    /// Unit left direction: `up x forward`.
    public let left: Vector3

    /// Builds the neutral from its up direction and a forward hint. The hint is projected onto the
    /// plane perpendicular to `up`; when the hint is nearly parallel to `up` (a sensor mounted with
    /// its forward axis pointing up), the body axis most perpendicular to `up` is used instead.
    public init(up: Vector3, forwardHint: Vector3 = Vector3(1, 0, 0)) {
        let u = NeutralPose.normalized(up) ?? Vector3(0, 0, 1)
        var f = forwardHint - u * Vector3.dot(forwardHint, u)
        if f.norm < 0.5 {
            let candidates = [Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)]
            let best = candidates.min { abs(Vector3.dot($0, u)) < abs(Vector3.dot($1, u)) }!
            f = best - u * Vector3.dot(best, u)
        }
        let forward = NeutralPose.normalized(f) ?? Vector3(1, 0, 0)
        self.up = u
        self.forward = forward
        self.left = Vector3.cross(u, forward)
    }

    static func normalized(_ v: Vector3) -> Vector3? {
        let n = v.norm
        return n > 1e-9 ? v * (1 / n) : nil
    }

    /// Anterior tilt of the measured up direction `gravity`, degrees.
    @inline(__always)
    public func tilt(of gravity: Vector3) -> Double {
        let sides = tiltSides(of: gravity)
        return atan2Degrees(sides.rise, sides.run)
    }

    /// The two sides whose arctangent is `tilt(of:)`: `rise` forward-down, `run` along neutral up.
    /// Comparing them decides "at most some angle" without the arctangent; the same arithmetic
    /// as `tilt(of:)`, so both see the same numbers.
    @inline(__always)
    public func tiltSides(of gravity: Vector3) -> (rise: Double, run: Double) {
        (-Vector3.dot(gravity, forward), Vector3.dot(gravity, up))
    }

    /// Obliquity (left side down positive) of the measured up direction `gravity`, degrees.
    @inline(__always)
    public func obliquity(of gravity: Vector3) -> Double {
        atan2Degrees(-Vector3.dot(gravity, left), Vector3.dot(gravity, up))
    }

    /// Angle between `gravity` and the neutral up direction, degrees (0...180).
    @inline(__always)
    public func angleFromNeutral(of gravity: Vector3) -> Double {
        angleBetween(gravity, up)
    }
}
