/// The glute exercise coach: stand tall, tuck, squeeze `targetHold` seconds, release, `targetReps`
/// times.
public struct ExerciseSettings: Sendable, Equatable {
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

    public init(enabled: Bool = true, targetHold: Double = 5, targetReps: Int = 10, shortTolerance: Double = 0.5,
                maxRest: Double = 30) {
        self.enabled = enabled
        self.targetHold = targetHold
        self.targetReps = targetReps
        self.shortTolerance = shortTolerance
        self.maxRest = maxRest
    }
}
