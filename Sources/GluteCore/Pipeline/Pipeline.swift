import GluteWire

/// Samples in, events out: mount remap -> up direction -> neutral calibration -> pelvis angles ->
/// posture (IMU and cushion, fused, with the minimum duration) -> detectors.
///
/// Pure and deterministic: time comes only from sample timestamps. `process` handles one sample
/// at a time and does not allocate unless it emits an event.
public struct Pipeline: Sendable {
    public let settings: PipelineSettings
    private var gravity = GravityEstimator()
    /// The accelerometer's own up direction (low-passed, no gyroscope): what a still single-leg
    /// stance is measured with, so that no gyroscope bias leaks into the drop angle.
    private var stillGravity = GravityEstimator(accelOnlyTau: PelvicDropDetector.accelerometerTau)
    private var orientation: OrientationTracker
    private var motion = MotionMeter()
    private var stepEnergy = StepEnergyMeter()
    private var calibrator: NeutralCalibrator
    private var imuPosture: ImuPostureClassifier
    private var occupancy = CushionOccupancy()
    private var debouncer: PostureDebouncer
    private var tiltDetector: AnteriorTiltDetector
    private var sitting: SittingBoutDetector
    private var imuSqueeze: ImuSqueezeDetector
    private var cushionSqueeze: CushionSqueezeDetector
    private var drop: PelvicDropDetector
    private var coach: ExerciseCoach
    private var imuRate = RateEstimator()
    private var pressureRate = RateEstimator()
    private var hasGyro = false
    /// An IMU sample has arrived: the stream can see standing squeezes (see `ExerciseSettings`).
    private var hasIMU = false
    private var lastTime = 0.0
    /// The neutral and up direction of the last IMU sample: the snapshot's tilt and obliquity are
    /// computed from them when asked for, not per sample (an arctangent each).
    private var anglePose: NeutralPose?
    private var angleUp = Vector3(0, 0, 1)
    private var squeezeCount = 0

    public init(settings: PipelineSettings) {
        self.settings = settings
        orientation = OrientationTracker(settings: settings.orientation)
        calibrator = NeutralCalibrator(source: settings.neutral, settings: settings.calibration)
        imuPosture = ImuPostureClassifier(settings: settings.posture)
        debouncer = PostureDebouncer(minDuration: settings.posture.minDuration)
        tiltDetector = AnteriorTiltDetector(settings: settings.tilt)
        sitting = SittingBoutDetector(settings: settings.sitting)
        imuSqueeze = ImuSqueezeDetector(settings: settings.squeeze)
        cushionSqueeze = CushionSqueezeDetector(settings: settings.squeeze)
        drop = PelvicDropDetector(settings: settings.drop)
        coach = ExerciseCoach(settings: settings.exercise)
    }

    /// Processes one sample, emitting the events it completes.
    public mutating func process(_ sample: Sample, emit: (Event) -> Void) {
        process(sample, emit: emit, onTransition: { _ in })
    }

    /// As `process(_:emit:)`, also reporting each sit/stand transition the IMU classifier sees.
    mutating func process(_ sample: Sample, emit: (Event) -> Void, onTransition: (PostureTransition) -> Void) {
        switch sample {
        case .imu(let imu): processIMU(imu, emit: emit, onTransition: onTransition)
        case .pressure(let pressure): processPressure(pressure, emit: emit)
        }
    }

    /// Ends the stream: closes open episodes and the exercise set.
    public mutating func finish(emit: (Event) -> Void) {
        tiltDetector.finish(time: lastTime, emit: emit)
        drop.finish(time: lastTime, emit: emit)
        coach.finish(time: lastTime, emit: emit)
    }

    public var snapshot: PipelineSnapshot {
        PipelineSnapshot(time: lastTime, posture: debouncer.confirmed, postureSince: debouncer.confirmedSince,
                         tilt: anglePose?.tilt(of: angleUp), obliquity: anglePose?.obliquity(of: angleUp), neutral: calibrator.neutral, tilted: tiltDetector.isActive,
                         squeezeCount: squeezeCount, setReps: coach.reps, totalReps: coach.totalReps,
                         sittingBout: sitting.boutLength(at: lastTime), imuRate: imuRate.rate,
                         pressureRate: pressureRate.rate, cushionLoad: occupancy.occupied == nil ? nil : occupancy.load)
    }

    private mutating func processIMU(_ raw: IMUSample, emit: (Event) -> Void, onTransition: (PostureTransition) -> Void) {
        let sample = settings.mount.bodySample(raw)
        let time = sample.time
        lastTime = time
        hasIMU = true
        let dt = imuRate.update(time: time)
        if sample.gyro != .zero { hasGyro = true }
        let gyro: Vector3? = hasGyro ? sample.gyro : nil
        let stillUp = stillGravity.update(accel: sample.accel, gyroDegreesPerSecond: nil, dt: dt)
        let up: Vector3
        if hasGyro {
            // With a gyroscope the AHRS tracks up through movements better than the fallback;
            // once a stream has shown a gyroscope the fallback is never read again, so it is not
            // run (a third of the per-sample maths).
            orientation.update(sample)
            up = orientation.gravity
        } else {
            up = gravity.update(accel: sample.accel, gyroDegreesPerSecond: nil, dt: dt)
        }
        motion.update(accel: sample.accel, gyro: gyro, dt: dt)
        let quiet = motion.isQuiet(accelLimit: settings.posture.quietAccel, gyroLimit: hasGyro ? settings.posture.quietGyro : .infinity)

        if calibrator.neutral == nil || imuPosture.posture == nil {
            if calibrator.update(time: time, up: up, specificForce: sample.accel, walkingSince: imuPosture.walkingRunStart) != nil {
                imuPosture.start(calibrator.fromWalking ? .walking : .standing, since: calibrator.stretchStart)
            } else if let pose = calibrator.neutral, imuPosture.posture == nil {
                // A fixed neutral: the first posture from the orientation alone.
                let angle = pose.angleFromNeutral(of: up)
                let s = settings.posture
                imuPosture.start(angle > s.lyingAngle ? .lying : angle > s.sittingAngle ? .sitting : .standing, since: time)
            }
        }
        let neutral = calibrator.neutral
        anglePose = neutral
        angleUp = up
        imuPosture.update(time: time, dt: dt, accel: sample.accel, up: up, quiet: quiet,
                          angle: neutral.map { $0.angleFromNeutral(of: up) }, onTransition: onTransition)
        stepEnergy.update(vertical: imuPosture.verticalAcceleration, dt: dt)

        updatePosture(time: time, emit: emit)
        let rawPosture = imuPosture.posture
        // Tilt and the stance obliquity only where a detector reads them: seated, the tilt
        // detector alone, which needs no angle while nothing is pending and the tilt is below
        // its limit.
        let tilt: Double?
        if rawPosture == nil || rawPosture == .lying {
            tilt = nil
        } else if let neutral {
            let sides = neutral.tiltSides(of: up)
            tilt = rawPosture != .standing && tiltDetector.ignoresTilt(rise: sides.rise, run: sides.run)
                ? nil : atan2Degrees(sides.rise, sides.run)
        } else {
            tilt = nil
        }
        tiltDetector.update(time: time, tilt: tilt, emit: emit)
        if let hold = imuSqueeze.update(time: time, tilt: rawPosture == .standing ? tilt : nil) {
            squeezed(hold, emit: emit)
        }
        // Single-leg stance is a standing posture; walking's side-to-side rocking is not a drop.
        let stanceObliquity = rawPosture == .standing ? neutral?.obliquity(of: stillUp) : nil
        drop.update(time: time, obliquity: stanceObliquity, stepEnergy: stepEnergy.rms, emit: emit)
        coach.update(time: time, emit: emit)
    }

    private mutating func processPressure(_ sample: PressureSample, emit: (Event) -> Void) {
        let time = sample.time
        lastTime = time
        _ = pressureRate.update(time: time)
        let s = settings.posture
        occupancy.update(time: time, cells: sample.cells, occupiedLoad: s.occupiedLoad, vacantLoad: s.vacantLoad)
        if let hold = cushionSqueeze.update(time: time, cells: sample.cells, occupied: occupancy.occupied == true) {
            squeezed(hold, emit: emit)
        }
        updatePosture(time: time, emit: emit)
        coach.update(time: time, emit: emit)
    }

    private mutating func squeezed(_ hold: SqueezeHold, emit: (Event) -> Void) {
        squeezeCount += 1
        emit(hold.event)
        if coach.counts(hold, streamHasIMU: hasIMU) { coach.hold(hold, emit: emit) }
    }

    /// The IMU's and the cushion's postures fused: an occupied cushion means sitting; otherwise
    /// the IMU decides; a vacant cushion without an IMU means standing (away from the chair).
    private func fusedPosture(time: Double) -> (posture: Posture, since: Double)? {
        let cushionFresh = occupancy.occupied != nil && occupancy.isFresh(at: time, timeout: settings.posture.cushionTimeout)
        if cushionFresh && occupancy.occupied == true { return (.sitting, occupancy.since) }
        if let imu = imuPosture.posture {
            return (imu, cushionFresh ? max(imuPosture.since, occupancy.since) : imuPosture.since)
        }
        if cushionFresh { return (.standing, occupancy.since) }
        return nil
    }

    private mutating func updatePosture(time: Double, emit: (Event) -> Void) {
        if let fused = fusedPosture(time: time),
           let change = debouncer.update(raw: fused.posture, rawSince: fused.since, time: time) {
            emit(Event(time: time, kind: .posture(change.posture, since: change.since, previous: change.previous)))
        }
        sitting.update(time: time, posture: debouncer.confirmed, since: debouncer.confirmedSince, emit: emit)
    }
}
