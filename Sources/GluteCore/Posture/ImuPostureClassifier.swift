import GluteWire

/// The raw posture from a pelvis IMU, before the minimum posture duration.
///
/// - lying: the up direction more than `lyingAngle` from neutral for `lyingHold`.
/// - walking: at least `walkingSteps` steps within `walkingWindow`; ends `walkingStop` after the
///   last step, as standing.
/// - sitting / standing: decided by transitions (see `TransitionEpisode`), because a belt sensor's
///   tilt separates them poorly. Rising from lying passes through sitting, so leaving lying gives
///   sitting until a sit-to-stand or walking says otherwise. A quiet pelvis further than
///   `sittingAngle` from the standing neutral is sitting whatever the transitions said.
struct ImuPostureClassifier: Sendable {
    let settings: PostureSettings
    private(set) var posture: Posture?
    private(set) var since = 0.0

    private var steps = StepDetector()
    private var verticalBaseline = 1.0
    private var vertical = 0.0
    private var previousUp = Vector3(0, 0, 1)
    private var turnRate = 0.0
    private var episode: TransitionEpisode?
    private var abandonedUntilQuiet = false
    private var lyingCrossing: Double?
    private var uprightCrossing: Double?
    private var sittingAngleCrossing: Double?
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
    }

    /// Feeds one sample. `angle` is the angle from the neutral up direction (nil before calibration).
    mutating func update(time: Double, dt: Double, accel: Vector3, up: Vector3, quiet: Bool, angle: Double?,
                         onTransition: (PostureTransition) -> Void) {
        let s = settings
        let along = Vector3.dot(accel, up)
        if !initialized {
            verticalBaseline = along
            previousUp = up
            initialized = true
        }
        // The resting level of |a| differs a few percent between orientations on uncalibrated
        // sensors; track it while no movement is under way so that it cancels out.
        if episode == nil { verticalBaseline += (along - verticalBaseline) * smoothingWeight(dt: dt, tau: 1) }
        vertical += (along - verticalBaseline - vertical) * smoothingWeight(dt: dt, tau: 0.08)
        if dt > 0 {
            let rate = angleBetween(up, previousUp) / dt
            turnRate += (rate - turnRate) * smoothingWeight(dt: dt, tau: 0.1)
        }
        previousUp = up
        let stepped = steps.update(time: time, vertical: vertical, threshold: s.stepThreshold,
                                   minInterval: s.stepMinInterval)

        if stepped && walkingRunStart == nil {
            let recent = steps.recentSteps(before: time, window: s.walkingWindow)
            if recent.count >= s.walkingSteps { walkingRunStart = recent.first }
        }
        if time - steps.lastStep >= s.walkingStop { walkingRunStart = nil }

        guard let angle, let current = posture else { return }
        let upright = angle < s.lyingAngle

        // Walking.
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
                return
            }
        }

        // Lying and leaving it.
        if posture != .lying {
            if angle > s.lyingAngle {
                if lyingCrossing == nil { lyingCrossing = time }
                if let crossing = lyingCrossing, time - crossing >= s.lyingHold {
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

        // Sit/stand transitions.
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
                if angle < s.lyingExitAngle, let kind = current.classify(swingLimit: s.transitionSwing, turnLimit: s.transitionTilt) {
                    onTransition(PostureTransition(kind: kind, start: current.start, end: time, swing: current.swing))
                    change(to: kind == .standToSit ? .sitting : .standing, since: current.start)
                }
            } else {
                episode = current
            }
        } else if abandonedUntilQuiet {
            if !active { abandonedUntilQuiet = false }
        } else if active {
            var fresh = TransitionEpisode(start: time, up: up, fromLying: posture == .lying)
            fresh.update(time: time, vertical: vertical, up: up, active: true)
            episode = fresh
        }

        // Far from the standing neutral while quiet: sitting.
        if posture == .standing && episode == nil && quiet && angle > s.sittingAngle {
            if sittingAngleCrossing == nil { sittingAngleCrossing = time }
            if let crossing = sittingAngleCrossing, time - crossing >= s.sittingAngleHold {
                change(to: .sitting, since: crossing)
            }
        } else {
            sittingAngleCrossing = nil
        }
    }
}
