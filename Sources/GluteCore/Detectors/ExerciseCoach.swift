/// Counts squeeze holds as exercise repetitions. Each hold it is given is a rep (`exercise.rep`,
/// short when below the target minus the tolerance); a set ends after `targetReps` reps, or when
/// the rest after the last rep exceeds `maxRest` (`exercise.set`). A hold that overlaps the
/// previous rep (the cushion and the IMU seeing the same squeeze) is counted once. Which squeezes
/// are given to it is the caller's choice; `counts(_:streamHasIMU:)` applies `seatedSqueezes`.
public struct ExerciseCoach: Sendable {
    public let settings: ExerciseSettings
    public private(set) var reps = 0
    private var shortReps = 0
    private var holdSum = 0.0
    private var lastEnd = -Double.infinity
    /// Reps counted since the stream began, over all sets.
    public private(set) var totalReps = 0

    public init(settings: ExerciseSettings) {
        self.settings = settings
    }

    /// Whether a finished squeeze is a repetition of the exercise. The cushion sees squeezes only
    /// while it is occupied, so a cushion hold is a seated squeeze; the IMU's are standing ones.
    public func counts(_ hold: SqueezeHold, streamHasIMU: Bool) -> Bool {
        guard settings.enabled else { return false }
        guard hold.source == .cushion else { return true }
        switch settings.seatedSqueezes {
        case .never: return false
        case .withoutIMU: return !streamHasIMU
        case .always: return true
        }
    }

    /// A squeeze hold finished that counts as a repetition.
    public mutating func hold(_ hold: SqueezeHold, emit: (Event) -> Void) {
        guard settings.enabled, hold.start >= lastEnd else { return }
        lastEnd = hold.end
        reps += 1
        totalReps += 1
        let short = hold.duration < settings.targetHold - settings.shortTolerance
        if short { shortReps += 1 }
        holdSum += hold.duration
        emit(Event(time: hold.end, kind: .exerciseRep(rep: reps, hold: hold.duration, target: settings.targetHold, short: short)))
        if reps >= settings.targetReps { endSet(time: hold.end, emit: emit) }
    }

    /// Time passes: a long rest ends the set.
    public mutating func update(time: Double, emit: (Event) -> Void) {
        if reps > 0 && time - lastEnd > settings.maxRest { endSet(time: time, emit: emit) }
    }

    public mutating func finish(time: Double, emit: (Event) -> Void) {
        if reps > 0 { endSet(time: time, emit: emit) }
    }

    private mutating func endSet(time: Double, emit: (Event) -> Void) {
        emit(Event(time: time, kind: .exerciseSet(reps: reps, targetReps: settings.targetReps, shortReps: shortReps,
                                                  meanHold: holdSum / Double(reps))))
        reps = 0
        shortReps = 0
        holdSum = 0
    }
}
