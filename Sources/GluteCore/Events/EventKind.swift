/// What happened, with the event's fields. Times are stream seconds; durations seconds; angles
/// degrees relative to the calibrated neutral pelvis.
public enum EventKind: Sendable, Equatable {
    /// The confirmed posture changed. `since` is when the new posture began (the event comes once
    /// the posture has lasted the minimum posture duration); `previous` is nil for the first one.
    case posture(Posture, since: Double, previous: Posture?)
    /// Sitting for `duration` seconds since `since`, at the limit and again every repeat interval.
    case sittingProlonged(since: Double, duration: Double, limit: Double)
    /// A sitting bout of `bout` seconds was ended by an upright break that has lasted `breakLength`.
    case sittingBreak(bout: Double, breakLength: Double)
    /// Anterior tilt above `threshold` for `delay` seconds; `angle` is the tilt when it fired.
    case tiltAnteriorStart(angle: Double, threshold: Double, delay: Double)
    /// The anterior tilt episode ended: `peak` tilt, and `duration` above the threshold.
    case tiltAnteriorEnd(peak: Double, threshold: Double, duration: Double)
    /// A glute squeeze from `start`, held `duration` s. `strength` is 0...1: the squeeze's peak
    /// signal divided by the detector's full-scale value (see `SqueezeSettings`), clipped.
    case squeeze(start: Double, duration: Double, side: Side, strength: Double, source: SensorSource)
    /// The pelvis dropped on `side` by `angle` (peak obliquity) beyond `threshold` while standing
    /// on the `stance` leg.
    case pelvicDrop(side: Side, angle: Double, threshold: Double, stance: Side)
    /// Exercise repetition number `rep` (1-based within its set), held `hold` s against `target` s.
    case exerciseRep(rep: Int, hold: Double, target: Double, short: Bool)
    /// An exercise set ended after `reps` repetitions (of `targetReps`), `shortReps` of them short.
    case exerciseSet(reps: Int, targetReps: Int, shortReps: Int, meanHold: Double)
    /// The device layer connected to `device`.
    case linkConnected(device: String)
    /// The device layer lost the link, for `reason`.
    case linkDisconnected(reason: String)
    /// A gap in the stream of `duration` s in which `lostFrames` frames were lost.
    case linkGap(duration: Double, lostFrames: Int)
}
