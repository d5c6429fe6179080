/// The slowly varying state of the body that a script segment sets; oscillations (sway, gait) are
/// added on top by `BodyKinematics`. Every field moves between segments along the same
/// minimum-jerk ramp, so all of them stay smooth.
struct BodyPose: Sendable, Equatable {
    /// Pelvis angles relative to neutral standing, degrees.
    var tiltDeg = 0.0
    var obliquityDeg = 0.0
    var headingDeg = 0.0
    /// Pelvis height relative to standing, metres (sitting is about -0.45).
    var heightM = 0.0
    /// Sideways pelvis shift towards the left, metres (weight over one leg).
    var lateralM = 0.0
    /// Gait amplitude, 0 (still) to 1 (steady walking).
    var gait = 0.0
    /// Walking speed, metres per second.
    var speed = 0.0
    /// Quiet-sway amplitude, degrees (larger on one leg, smaller when seated).
    var swayDeg = 0.3
    /// Fraction of the seated load resting on the cushion.
    var seatLoad = 0.0
    /// Glute contraction, 0...1, per side.
    var squeezeLeft = 0.0
    var squeezeRight = 0.0

    static let standing = BodyPose()

    /// Sitting rotates the pelvis backwards by about 25-30 deg from standing (sacral slope falls as
    /// the lumbar spine flexes), so a seated pelvis reads a posterior tilt well beyond any standing
    /// posture.

    static let seatedTiltDeg = -28.0
    static let seatedHeightM = -0.45
}

/// A segment as the generator needs it: times, ramp and the poses at both ends. Holds no strings
/// or other references, so copying one in the per-sample path costs no retain.
struct ScriptPhase: Sendable {
    var start: Double
    var end: Double
    var ramp: Double
    var from: BodyPose
    var to: BodyPose
}
