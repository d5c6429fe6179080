import GluteWire

/// Appends segments to a script, tracking time and the pose reached so far. The scenario scripts in
/// `Scenario+Scripts.swift` are written with these building blocks.
struct ScriptBuilder {
    private(set) var segments: [ScriptSegment] = []
    private(set) var phases: [ScriptPhase] = []
    private(set) var pose = BodyPose.standing
    /// Time kept in whole milliseconds so that segment boundaries are exact decimals, not sums of
    /// rounded binary fractions.
    private var milliseconds = 0
    var time: Double { Double(milliseconds) / 1000 }
    let stepRateHz: Double

    /// Walking speed on the straight, and slower in turns as people do: a 180 deg turn in 3.5 s at
    /// 0.5 m/s peaks at 0.84 m/s^2 (0.09 g) of centripetal acceleration.
    static let walkingSpeed = 1.2
    static let turningSpeed = 0.5
    static let turnSeconds = 3.5

    init(stepRateHz: Double) {
        self.stepRateHz = stepRateHz
    }

    mutating func add(_ seconds: Double, _ posture: Posture, _ movement: Movement, ramp: Double,
                      label: String, squeeze: Squeeze? = nil, exerciseRep: Int? = nil,
                      liftedLeg: BodySide? = nil, change: (inout BodyPose) -> Void = { _ in }) {
        precondition(seconds > 0 && ramp >= 0 && ramp <= seconds, "bad segment \(label)")
        var target = pose
        change(&target)
        let start = time
        milliseconds += Int(saturating: seconds * 1000, rounding: .toNearestOrAwayFromZero)
        let end = time
        phases.append(ScriptPhase(start: start, end: end, ramp: ramp, from: pose, to: target))
        segments.append(ScriptSegment(
            start: start, end: end, posture: posture, movement: movement,
            tiltDeg: target.tiltDeg, obliquityDeg: target.obliquityDeg, headingDeg: target.headingDeg,
            rampSeconds: ramp, seated: target.seatLoad > 0.5, squeeze: squeeze, exerciseRep: exerciseRep,
            liftedLeg: liftedLeg, stepRateHz: target.gait > 0 ? stepRateHz : nil, label: label))
        pose = target
    }

    // MARK: Standing

    /// Standing still with the given pelvis angles, reached within `ramp` seconds.
    mutating func stand(_ seconds: Double, tilt: Double = 0, obliquity: Double = 0, ramp: Double = 1.0,
                        label: String = "standing") {
        add(seconds, .standing, .still, ramp: min(ramp, seconds), label: label) {
            $0.tiltDeg = tilt; $0.obliquityDeg = obliquity; $0.heightM = 0; $0.lateralM = 0
            $0.gait = 0; $0.speed = 0; $0.swayDeg = 0.3; $0.seatLoad = 0
            $0.squeezeLeft = 0; $0.squeezeRight = 0
        }
    }

    /// An anterior tilt spell: the segment lasts `seconds`; with a symmetric ramp in and out the
    /// angle is above half the spell's amplitude for the same `seconds`.
    mutating func tiltSpell(_ degrees: Double, _ seconds: Double) {
        stand(seconds, tilt: degrees, ramp: 1.0, label: "tilt spell \(Int(saturating: degrees)) deg \(Int(saturating: seconds)) s")
    }

    /// A standing bilateral squeeze of the exercise: tuck the tailbone (posterior tilt) and hold.
    mutating func standingSqueeze(_ seconds: Double, rep: Int?, tuckDeg: Double = -4) {
        let label = rep.map { "exercise squeeze rep \($0), \(Int(saturating: seconds)) s" } ?? "standing squeeze"
        add(seconds, .standing, .still, ramp: 0.4, label: label,
            squeeze: Squeeze(side: .both, strength: 1), exerciseRep: rep) {
            $0.tiltDeg = tuckDeg; $0.heightM = 0.003; $0.squeezeLeft = 1; $0.squeezeRight = 1; $0.swayDeg = 0.2
        }
    }

    /// Relaxing after a squeeze: back to neutral standing.
    mutating func release(_ seconds: Double) {
        stand(seconds, ramp: 0.4, label: "rest")
    }

    // MARK: Sitting

    /// Standing to sitting in 2.2 s: lean forward while bending the knees, then lower onto the seat
    /// and settle into a slightly slumped (posterior) pelvis.
    mutating func sitDown() {
        add(0.8, .sitting, .sitDown, ramp: 0.8, label: "sit down: lean") {
            $0.tiltDeg = 20; $0.obliquityDeg = 0; $0.heightM = -0.06; $0.gait = 0; $0.speed = 0; $0.swayDeg = 0.2
        }
        add(1.4, .sitting, .sitDown, ramp: 1.4, label: "sit down: lower") {
            $0.tiltDeg = BodyPose.seatedTiltDeg; $0.heightM = BodyPose.seatedHeightM
            $0.seatLoad = 1; $0.swayDeg = 0.15
        }
    }

    /// Sitting still (seated pose).
    mutating func sit(_ seconds: Double, label: String = "sitting") {
        add(seconds, .sitting, .still, ramp: min(1.0, seconds), label: label) {
            $0.tiltDeg = BodyPose.seatedTiltDeg; $0.obliquityDeg = 0; $0.heightM = BodyPose.seatedHeightM
            $0.seatLoad = 1; $0.swayDeg = 0.15; $0.squeezeLeft = 0; $0.squeezeRight = 0
        }
    }

    /// A squeeze while seated: the squeezing side's buttock firms up and lifts that side of the
    /// pelvis slightly; a bilateral squeeze tucks the pelvis and lifts it a few millimetres.
    mutating func seatedSqueeze(_ side: BodySide, _ seconds: Double, strength: Double = 1) {
        add(seconds, .sitting, .still, ramp: 0.4, label: "seated squeeze \(side.rawValue)",
            squeeze: Squeeze(side: side, strength: strength)) {
            switch side {
            case .left:
                $0.squeezeLeft = strength; $0.obliquityDeg = -1.5 * strength
                $0.tiltDeg = BodyPose.seatedTiltDeg - 2 * strength
            case .right:
                $0.squeezeRight = strength; $0.obliquityDeg = 1.5 * strength
                $0.tiltDeg = BodyPose.seatedTiltDeg - 2 * strength
            case .both:
                $0.squeezeLeft = strength; $0.squeezeRight = strength; $0.obliquityDeg = 0
                $0.tiltDeg = BodyPose.seatedTiltDeg - 4 * strength
            }
            $0.heightM = BodyPose.seatedHeightM + 0.006 * strength
        }
    }

    /// Sitting to standing in 2.0 s: lean forward, unload the seat, rise.
    mutating func standUp() {
        add(0.8, .standing, .standUp, ramp: 0.8, label: "stand up: lean") {
            $0.tiltDeg = 25; $0.obliquityDeg = 0; $0.heightM = BodyPose.seatedHeightM + 0.03
            $0.seatLoad = 0.4; $0.squeezeLeft = 0; $0.squeezeRight = 0; $0.swayDeg = 0.2
        }
        add(1.2, .standing, .standUp, ramp: 1.2, label: "stand up: rise") {
            $0.tiltDeg = 0; $0.heightM = 0; $0.seatLoad = 0; $0.swayDeg = 0.3
        }
    }

    // MARK: Walking

    /// Walking for `seconds` in total: start, walk away, slow down and turn round, walk back, slow
    /// down and turn to face the start direction again. The gait stops during the following
    /// segment's ramp.
    mutating func walk(_ seconds: Double) {
        precondition(seconds >= 14, "a walk with two turns needs at least 14 s")
        let straight = (seconds - 2 * (1 + ScriptBuilder.turnSeconds)) / 2
        add(straight, .walking, .walk, ramp: 1.5, label: "walk") {
            $0.gait = 1; $0.speed = ScriptBuilder.walkingSpeed; $0.tiltDeg = 2; $0.obliquityDeg = 0
            $0.swayDeg = 0; $0.heightM = 0; $0.lateralM = 0
        }
        turnRound()
        add(straight, .walking, .walk, ramp: 1.0, label: "walk back") {
            $0.speed = ScriptBuilder.walkingSpeed
        }
        turnRound()
    }

    /// Slow down for a second, then turn 180 deg to the left while stepping on.
    private mutating func turnRound() {
        add(1, .walking, .walk, ramp: 1, label: "slow down") { $0.speed = ScriptBuilder.turningSpeed }
        add(ScriptBuilder.turnSeconds, .walking, .turn, ramp: ScriptBuilder.turnSeconds, label: "turn") {
            $0.headingDeg += 180
        }
    }

    /// Ends a walk: gait and speed fade out over 1.5 s into quiet standing.
    mutating func stopWalking(_ seconds: Double = 5) {
        stand(seconds, ramp: 1.5, label: "stop and stand")
    }

    // MARK: Single-leg stance

    /// Shift the weight over the stance leg, lift `leg` for `seconds` with the pelvis dropping by
    /// `dropDeg` on the lifted (unsupported) side, lower it and return to centre.
    mutating func singleLegStance(lift leg: BodySide, dropDeg: Double, _ seconds: Double = 5) {
        precondition(leg != .both)
        let towardsStance = leg == .left ? -0.04 : 0.04
        add(1.0, .standing, .weightShift, ramp: 1.0, label: "shift weight off the \(leg.rawValue) leg") {
            $0.lateralM = towardsStance
        }
        add(seconds, .standing, .legLift, ramp: 0.6, label: "lift \(leg.rawValue) leg", liftedLeg: leg) {
            $0.obliquityDeg = leg == .left ? dropDeg : -dropDeg
            $0.tiltDeg = -2; $0.swayDeg = 0.7
        }
        add(1.0, .standing, .weightShift, ramp: 0.6, label: "lower \(leg.rawValue) leg") {
            $0.obliquityDeg = 0; $0.tiltDeg = 0; $0.swayDeg = 0.3
        }
        add(1.0, .standing, .weightShift, ramp: 1.0, label: "back to centre") {
            $0.lateralM = 0
        }
    }
}
