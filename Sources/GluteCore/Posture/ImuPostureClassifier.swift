import GluteWire

/// The raw posture from a pelvis IMU, before the minimum posture duration.
///
/// Several kinds of evidence, so that no single missed cue can hold a wrong posture for a bout:
/// - walking: at least `walkingSteps` steps within `walkingWindow`; ends `walkingStop` after the
///   last step, as standing.
/// - lying: the pelvis near horizontal (further than `lyingAngle` from upright) and quiet for
///   `lyingHold`; a reclined sit is far from upright too, but not that far.
/// - sit/stand transitions (see `TransitionEpisode`): strong evidence, applied at once. A
///   transition that contradicts the current posture (a sit-to-stand while standing) changes
///   nothing.
/// - the quiet pelvis angle against the user's upright neutral and their own sitting angle (see
///   `AngleEvidence`, `SittingReference`): when it supports the other posture for
///   `evidenceHold`, the posture follows it, dated from the last sit/stand movement if there was
///   one shortly before. A missed or misread transition therefore costs seconds, not a bout.
/// Rising from lying passes through sitting, so leaving lying gives sitting. Within `minDuration` of sitting down (the time since the last transition), a
/// sit-to-stand also needs the pelvis to have come back toward upright by `directionAngle`, so
/// that settling onto a seat or the edge of a bed is not read as standing up.
struct ImuPostureClassifier: Sendable {
    let settings: PostureSettings
    private(set) var posture: Posture?
    private(set) var since = 0.0

    private var steps = StepDetector()
    private var verticalBaseline = 1.0
    private var vertical = 0.0
    private var previousUp = Vector3(0, 0, 1)
    private var turnRate = 0.0
    private var baselineWeights = SmoothingWeightCache(), verticalWeights = SmoothingWeightCache()
    private var turnWeights = SmoothingWeightCache()
    private var episode: TransitionEpisode?
    private var abandonedUntilQuiet = false
    private var lyingCrossing: Double?
    private var uprightCrossing: Double?
    private var evidenceCrossing: Double?
    /// Start of the last movement that was large enough to be a sit/stand transition, applied or not.
    private var lastMovement = -Double.infinity
    private(set) var sittingReference = SittingReference()
    /// The time of the current sample, and when the posture last changed (`since` may be earlier:
    /// it dates the change from the movement that began it).
    private var now = 0.0
    private var changedAt = 0.0
    private var initialized = false
    /// When the current run of steps became walking (nil when not walking); computed from the
    /// steps alone, so it is known before calibration too.
    private(set) var walkingRunStart: Double?

    /// Smoothed vertical (gravity-direction) acceleration with the resting level removed, g.
    var verticalAcceleration: Double { vertical }

    init(settings: PostureSettings) {
        self.settings = settings
    }

    /// Sets the posture at calibration (or for a known start).
    mutating func start(_ posture: Posture, since: Double) {
        self.posture = posture
        self.since = since
    }

    private mutating func change(to newPosture: Posture, since time: Double) {
        guard newPosture != posture else { return }
        posture = newPosture
        since = time
        changedAt = now
        evidenceCrossing = nil
    }

    /// Feeds one sample. `angle` is the angle from the neutral up direction (nil before calibration).
    mutating func update(time: Double, dt: Double, accel: Vector3, up: Vector3, quiet: Bool, angle: Double?,
                         onTransition: (PostureTransition) -> Void) {
        let s = settings
        now = time
        let stepped = trackMovement(time: time, dt: dt, accel: accel, up: up)

        guard let angle, let current = posture else { return }
        let upright = angle < s.lyingAngle

        // The user's own sitting angle, from the quiet part of bouts that have lasted.
        if current == .sitting && quiet && episode == nil {
            sittingReference.update(angle: angle, up: up, time: time, boutStart: changedAt, dt: dt, confirmed: time - since >= s.minDuration)
        }
        guard !followWalking(time: time, stepped: stepped, upright: upright, current: current,
                             onTransition: onTransition) else { return }

        updateLying(time: time, angle: angle, quiet: quiet)
        updateEpisode(time: time, up: up, angle: angle, quiet: quiet, onTransition: onTransition)
        updateEvidence(time: time, up: up, angle: angle, quiet: quiet)
    }

    /// The movement signals: smoothed vertical acceleration, turn rate, steps and the walking run
    /// they make. Runs before calibration too. True when this sample is a step. Inlined: it runs
    /// for every sample, and a call of its own cost instructions the undivided `update` did not.
    @inline(__always)
    private mutating func trackMovement(time: Double, dt: Double, accel: Vector3, up: Vector3) -> Bool {
        let s = settings
        let along = Vector3.dot(accel, up)
        if !initialized {
            verticalBaseline = along
            previousUp = up
            initialized = true
        }
        // The resting level of |a| differs a few percent between orientations on uncalibrated
        // sensors; track it while no movement is under way so that it cancels out.
        if episode == nil { verticalBaseline += (along - verticalBaseline) * baselineWeights.weight(dt: dt, tau: 1) }
        vertical += (along - verticalBaseline - vertical) * verticalWeights.weight(dt: dt, tau: 0.08)
        if dt > 0 {
            let rate = angleBetween(up, previousUp) / dt
            turnRate += (rate - turnRate) * turnWeights.weight(dt: dt, tau: 0.1)
        }
        previousUp = up
        let stepped = steps.update(time: time, vertical: vertical, threshold: s.stepThreshold,
                                   minInterval: s.stepMinInterval)

        if stepped && walkingRunStart == nil {
            let recent = steps.recentSteps(before: time, window: s.walkingWindow)
            if recent.count >= s.walkingSteps { walkingRunStart = recent.first }
        }
        if time - steps.lastStep >= s.walkingStop { walkingRunStart = nil }
        return stepped
    }

    /// Walking: enough recent steps while upright start it; `walkingStop` without a step (or
    /// leaving upright) ends it as standing. True while walking goes on, which overrides every
    /// other kind of evidence.
    private mutating func followWalking(time: Double, stepped: Bool, upright: Bool, current: Posture,
                                        onTransition: (PostureTransition) -> Void) -> Bool {
        let s = settings
        if stepped && upright && current != .walking {
            let recent = steps.recentSteps(before: time, window: s.walkingWindow)
            if recent.count >= s.walkingSteps {
                if current == .sitting {
                    // Walking off from a seat: the stand-up was the start of this movement.
                    let start = min(episode?.start ?? recent.first, recent.first)
                    onTransition(PostureTransition(kind: .sitToStand, start: start, end: recent.first,
                                                   swing: episode?.swing ?? 0))
                }
                change(to: .walking, since: recent.first)
                episode = nil
                abandonedUntilQuiet = false
            }
        }
        if posture == .walking {
            if time - steps.lastStep >= s.walkingStop || !upright {
                change(to: .standing, since: steps.lastStep)
            } else {
                return true
            }
        }
        return false
    }

    /// Lying: near horizontal and quiet for `lyingHold`; leaving it: back within
    /// `lyingExitAngle` of upright for as long.
    private mutating func updateLying(time: Double, angle: Double, quiet: Bool) {
        let s = settings
        if posture != .lying {
            if angle > s.lyingAngle {
                if lyingCrossing == nil { lyingCrossing = time }
                if let crossing = lyingCrossing, quiet, time - crossing >= s.lyingHold {
                    change(to: .lying, since: episode?.start ?? crossing)
                    episode = nil
                    uprightCrossing = nil
                }
            } else {
                lyingCrossing = nil
            }
        } else if angle < s.lyingExitAngle {
            if uprightCrossing == nil { uprightCrossing = time }
            if let crossing = uprightCrossing, time - crossing >= s.lyingHold {
                change(to: .sitting, since: crossing)
                lyingCrossing = nil
            }
        } else {
            uprightCrossing = nil
        }
    }

    /// Sit/stand transitions: an episode of movement, classified once it has settled.
    private mutating func updateEpisode(time: Double, up: Vector3, angle: Double, quiet: Bool,
                                        onTransition: (PostureTransition) -> Void) {
        let s = settings
        // Quiet ends an episode even if the resting level of the vertical acceleration has moved
        // (the sensor's scale errors differ between sitting and standing orientations).
        let active = !quiet && (abs(vertical) > s.activityAccel || turnRate > s.activityRate)
        if var current = episode {
            current.update(time: time, vertical: vertical, up: up, active: active)
            if time - current.start > s.maxTransition {
                episode = nil
                abandonedUntilQuiet = true
            } else if time - current.lastActive >= s.settleTime {
                episode = nil
                guard angle < s.lyingExitAngle,
                      current.isTransition(swingLimit: s.transitionSwing, turnLimit: s.transitionTilt) else { return }
                lastMovement = current.start
                let kind = current.kind(endAngle: angle, decisiveAngle: s.directionAngle)
                onTransition(PostureTransition(kind: kind, start: current.start, end: time, swing: current.swing))
                // Just after sitting down (or coming up from lying), settling onto the seat moves
                // the pelvis too: standing up so soon needs the pelvis to have come back toward
                // upright, not just the order of the peaks.
                let moved = angle - (current.startAngle ?? angle)
                let settled = current.start - since >= s.minDuration
                switch (kind, posture) {
                case (.standToSit, .standing?):
                    change(to: .sitting, since: current.start)
                case (.sitToStand, .sitting?) where settled || moved <= -s.directionAngle:
                    change(to: .standing, since: current.start)
                default:
                    break
                }
            } else {
                episode = current
            }
        } else if abandonedUntilQuiet {
            if !active { abandonedUntilQuiet = false }
        } else if active {
            var fresh = TransitionEpisode(start: time, up: up, angle: angle, fromLying: posture == .lying)
            fresh.update(time: time, vertical: vertical, up: up, active: true)
            episode = fresh
        }
    }

    /// The sustained angle evidence: a quiet pelvis that keeps supporting the other posture for
    /// `evidenceHold` changes it, whatever the transitions said.
    private mutating func updateEvidence(time: Double, up: Vector3, angle: Double, quiet: Bool) {
        let s = settings
        guard episode == nil, let current = posture, current == .sitting || current == .standing else {
            evidenceCrossing = nil
            return
        }
        guard quiet else { return }
        let learnedUp = sittingReference.learnedUp
        let evidence = AngleEvidence.posture(angle: angle, current: current, learnedSitting: sittingReference.learned,
                                             toLearned: learnedUp.map { angleBetween(up, $0) }, boutAngle: sittingReference.bout, separation: s.sittingSeparation,
                                             fallback: s.sittingAngle)
        guard let evidence, evidence != current else {
            evidenceCrossing = nil
            return
        }
        if evidenceCrossing == nil { evidenceCrossing = time }
        if let crossing = evidenceCrossing, time - crossing >= s.evidenceHold {
            // The movement that began it, if one came shortly before: that is when it changed.
            let start = crossing - lastMovement <= s.minDuration ? lastMovement : crossing
            change(to: evidence, since: max(start, since))
        }
    }
}
