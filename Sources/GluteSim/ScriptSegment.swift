import GluteWire

/// What the body is doing, as the script intends it: the ground truth that detectors are tested
/// against.
public enum Posture: String, Sendable, CaseIterable {
    case standing, sitting, walking
}

/// A side of the body. `both` is a bilateral squeeze.
public enum BodySide: String, Sendable, CaseIterable {
    case left, right, both
}

/// How the body moves during a segment.
public enum Movement: String, Sendable, CaseIterable {
    /// Holding a pose (quiet sway only), after an optional short ramp into it.
    case still
    /// Standing to sitting; the segment's pose is the one reached at its end.
    case sitDown
    /// Sitting to standing.
    case standUp
    /// Steady walking (steps at `stepRateHz`), including gait start and stop ramps.
    case walk
    /// Turning 180 deg while walking.
    case turn
    /// Moving the pelvis sideways over the stance leg, or back to centre, before or after a leg lift.
    case weightShift
    /// Standing on one leg; `liftedLeg` says which leg is in the air.
    case legLift
}

/// A glute squeeze: which side contracts and how hard (0...1).
public struct Squeeze: Sendable, Equatable {
    public var side: BodySide
    public var strength: Double
    public init(side: BodySide, strength: Double) {
        self.side = side
        self.strength = strength
    }
}

/// One stretch of a scenario's script. Segments are contiguous: each starts where the previous ends.
///
/// The pose fields (`tiltDeg`, `obliquityDeg`, `headingDeg`) are the pelvis angles the segment
/// reaches: the body moves there from the previous segment's pose along a minimum-jerk path during
/// the first `rampSeconds`, then holds it (plus quiet sway, or gait oscillation when walking).
/// Angles are relative to the neutral standing pelvis (the calibration reference): anterior tilt
/// positive, obliquity positive when the left side drops. `posture` is the posture being held or
/// entered (a `sitDown` segment is `.sitting`).
public struct ScriptSegment: Sendable, Equatable, CustomStringConvertible {
    /// Start and end in simulated seconds from the start of the run.
    public var start: Double
    public var end: Double
    public var posture: Posture
    public var movement: Movement
    public var tiltDeg: Double
    public var obliquityDeg: Double
    /// Walking direction, degrees counter-clockwise from the start direction (turns accumulate).
    public var headingDeg: Double
    public var rampSeconds: Double
    /// True when the body weight rests on the seat (cushion loaded) at the end of the segment.
    public var seated: Bool
    public var squeeze: Squeeze?
    /// 1-based repetition number when the segment is a squeeze of an exercise set.
    public var exerciseRep: Int?
    public var liftedLeg: BodySide?
    /// Steps per second when walking.
    public var stepRateHz: Double?
    /// A short human description ("tilt spell 15 deg", "squeeze left").
    public var label: String

    public var duration: Double { end - start }

    public func contains(_ time: Double) -> Bool { time >= start && time < end }

    public var description: String {
        var text = "\(formatted(start))-\(formatted(end)) s \(posture.rawValue)/\(movement.rawValue)"
        text += " tilt \(formatted(tiltDeg)) obl \(formatted(obliquityDeg))"
        if let squeeze { text += " squeeze \(squeeze.side.rawValue) \(formatted(squeeze.strength))" }
        if let exerciseRep { text += " rep \(exerciseRep)" }
        if let liftedLeg { text += " lift \(liftedLeg.rawValue)" }
        return text + " [\(label)]"
    }
}

private func formatted(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    let whole = Int(saturating: hundredths / 100)
    let fraction = Int(saturating: abs(hundredths).truncatingRemainder(dividingBy: 100))
    let sign = value < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}
