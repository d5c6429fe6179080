/// The glute exercise coach: stand tall, tuck, squeeze `targetHold` seconds, release, `targetReps`
/// times.
public struct ExerciseSettings: Sendable, Equatable {
    /// Which seated squeezes (those a cushion sees) count as repetitions. The exercise is done
    /// standing, so with a belt IMU only standing squeezes count: squeezing on the chair during
    /// the day is reported as `squeeze` but is not a set. A cushion alone cannot see a standing
    /// squeeze; there its seated squeezes are the only exercise it can coach.
    public enum SeatedSqueezes: String, Sendable, Equatable, CaseIterable {
        /// Never count seated squeezes.
        case never
        /// Count them only while the stream has no IMU (a cushion-only setup).
        case withoutIMU = "without-imu"
        /// Count every squeeze, seated or standing.
        case always
    }

    /// Count squeezes as exercise repetitions. Default true.
    public var enabled: Bool
    /// Target hold per repetition, s. Default 5 s.
    public var targetHold: Double
    /// Repetitions per set. Default 10.
    public var targetReps: Int
    /// A hold shorter than `targetHold - shortTolerance` is flagged short. Default 0.5 s.
    public var shortTolerance: Double
    /// A rest longer than this after a repetition ends the set, s. Default 30 s.
    public var maxRest: Double
    /// Whether seated squeezes count. Default `.withoutIMU`.
    public var seatedSqueezes: SeatedSqueezes

    public init(enabled: Bool = true, targetHold: Double = 5, targetReps: Int = 10, shortTolerance: Double = 0.5,
                maxRest: Double = 30, seatedSqueezes: SeatedSqueezes = .withoutIMU) {
        self.enabled = enabled
        self.targetHold = targetHold
        self.targetReps = targetReps
        self.shortTolerance = shortTolerance
        self.maxRest = maxRest
        self.seatedSqueezes = seatedSqueezes
    }
}
