import GluteWire

/// Where the neutral pelvis comes from.
public enum NeutralSource: Sendable, Equatable {
    /// The first quiet upright stretch of the stream (see `CalibrationSettings`).
    case automatic
    /// The mean orientation over stream times `start...end` (`--neutral A..B`), which the user
    /// promises is quiet, upright standing.
    case window(start: Double, end: Double)
    /// A known neutral: `gravity` is the specific force a still sensor reads in neutral (pointing
    /// up), `forward` the body's forward direction; both in the body frame after the mount remap.
    /// Without `forward` the mount's forward axis is used.
    case fixed(gravity: Vector3, forward: Vector3?)
}
