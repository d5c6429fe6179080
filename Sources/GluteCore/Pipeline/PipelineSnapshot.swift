/// The pipeline's state for a live view.
public struct PipelineSnapshot: Sendable, Equatable {
    /// Stream time of the last sample, s.
    public var time: Double
    /// The confirmed posture and when it began (nil before calibration).
    public var posture: Posture?
    public var postureSince: Double
    /// Pelvis angles relative to neutral, degrees (nil before calibration or without an IMU).
    public var tilt: Double?
    public var obliquity: Double?
    /// The neutral pelvis, once calibrated.
    public var neutral: NeutralPose?
    public var calibrated: Bool { neutral != nil }
    /// Inside an anterior tilt episode (after its delay).
    public var tilted: Bool
    /// Squeezes detected since the start (any source).
    public var squeezeCount: Int
    /// Exercise reps in the current set, and since the start.
    public var setReps: Int
    public var totalReps: Int
    /// The current sitting bout so far, s (0 outside a bout).
    public var sittingBout: Double
    /// Estimated IMU and cushion sample rates, Hz (nil until known).
    public var imuRate: Double?
    public var pressureRate: Double?
    /// Sum of the cushion's cells, Pa (nil without a cushion).
    public var cushionLoad: Double?
}
