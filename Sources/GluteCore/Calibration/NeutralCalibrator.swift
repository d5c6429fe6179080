import GluteWire

/// Finds the neutral pelvis from the stream, once.
///
/// `.window` averages the up direction over the window and calibrates at its end. `.automatic`
/// takes whichever comes first of `quietDuration` seconds of a steady orientation (within
/// `steadyAngle` of the stretch's mean, no steps) within
/// `uprightTolerance` of the mount's up axis, and as long of steady walking (always upright: the
/// mean gravity direction over whole strides is the walking pelvis' upright, the reference of
/// Vaha-Ypya et al.'s hip-worn angle for posture estimation), and averages the up direction over
/// it. With `uprightTolerance` nil (mounting unknown) a quiet stretch could as well be sitting, so
/// only walking counts.
/// `.fixed` is calibrated before the first sample.
struct NeutralCalibrator: Sendable {
    let source: NeutralSource
    let settings: CalibrationSettings
    let forwardHint: Vector3
    private(set) var neutral: NeutralPose?
    /// When the calibration stretch began: the first posture is dated from here.
    private(set) var stretchStart: Double = 0
    /// Sums over the current stretch: of the up estimates (for its steadiness) and of the specific
    /// force (for the neutral itself).
    private var sum = Vector3.zero
    private var forceSum = Vector3.zero
    private var count = 0
    private var walkSum = Vector3.zero
    private var walkForceSum = Vector3.zero
    private var walkStart: Double?
    private var walkCount = 0
    /// True when the neutral came from walking rather than from standing still.
    private(set) var fromWalking = false

    init(source: NeutralSource, settings: CalibrationSettings) {
        self.source = source
        self.settings = settings
        if case let .fixed(gravity, forward) = source {
            forwardHint = forward ?? Vector3(1, 0, 0)
            neutral = NeutralPose(up: gravity, forwardHint: forwardHint)
        } else {
            forwardHint = Vector3(1, 0, 0)
        }
    }

    /// Feeds one sample's up estimate and accelerometer reading (body frame); returns the neutral
    /// when it is found. `walkingSince` is when the current walking run began, nil when not walking.
    ///
    /// The neutral is the mean accelerometer direction over the stretch, not the mean of the
    /// orientation filter's up: over quiet standing, and over whole strides of walking, the mean
    /// specific force is gravity, and unlike a filter's estimate it carries no gyroscope bias.
    mutating func update(time: Double, up: Vector3, specificForce force: Vector3, walkingSince: Double?) -> NeutralPose? {
        guard neutral == nil else { return nil }
        switch source {
        case .fixed:
            return nil
        case let .window(start, end):
            return followWindow(time: time, up: up, force: force, start: start, end: end)
        case .automatic:
            if let found = followWalking(time: time, up: up, force: force, walkingSince: walkingSince) {
                return found
            }
            return followQuietStretch(time: time, up: up, force: force, walking: walkingSince != nil)
        }
    }

    /// `.window`: sums the samples inside the window, calibrates at its end.
    private mutating func followWindow(time: Double, up: Vector3, force: Vector3,
                                       start: Double, end: Double) -> NeutralPose? {
        if time >= start && time <= end {
            if count == 0 { stretchStart = time }
            sum = sum + up
            forceSum = forceSum + force
            count += 1
        }
        if time >= end && count > 0 {
            neutral = NeutralPose(up: forceSum, forwardHint: forwardHint)
            return neutral
        }
        return nil
    }

    /// `.automatic`, walking: sums the current walking run; calibrates once it has lasted
    /// `quietDuration` with a coherent, upright mean direction, else starts the run over.
    private mutating func followWalking(time: Double, up: Vector3, force: Vector3,
                                        walkingSince: Double?) -> NeutralPose? {
        guard let since = walkingSince else {
            walkStart = nil
            return nil
        }
        if walkStart == nil { walkStart = since; walkSum = .zero; walkForceSum = .zero; walkCount = 0 }
        walkSum = walkSum + up
        walkForceSum = walkForceSum + force
        walkCount += 1
        if let start = walkStart, time - start >= settings.quietDuration {
            // Walking keeps the pelvis' mean direction steady; handling the sensor (putting
            // it on) also makes step-like peaks but turns it around: start over then.
            let mean = walkSum * (1 / Double(walkCount))
            var walkUpright = true
            if let tolerance = settings.uprightTolerance {
                walkUpright = angleBetween(mean, Vector3(0, 0, 1)) <= tolerance
            }
            if mean.norm >= settings.walkingCoherence && walkUpright {
                stretchStart = start
                fromWalking = true
                neutral = NeutralPose(up: walkForceSum, forwardHint: forwardHint)
                return neutral
            }
            walkStart = time
            walkSum = .zero
            walkForceSum = .zero
            walkCount = 0
        }
        return nil
    }

    /// `.automatic`, standing still: sums a steady, upright, non-walking stretch; calibrates once
    /// it has lasted `quietDuration`. Only with a known mount (`uprightTolerance`).
    private mutating func followQuietStretch(time: Double, up: Vector3, force: Vector3, walking: Bool) -> NeutralPose? {
        var upright = true
        if let tolerance = settings.uprightTolerance {
            upright = angleBetween(up, Vector3(0, 0, 1)) <= tolerance
        }
        // Steady, not still: a phone on a belt sways a few milli-g even in quiet standing, but
        // the orientation a reference needs holds within `steadyAngle`.
        let steady = count == 0 || angleBetween(up, sum) <= settings.steadyAngle
        guard steady && upright && !walking && settings.uprightTolerance != nil else {
            count = 0
            sum = .zero
            forceSum = .zero
            if !walking && upright && settings.uprightTolerance != nil {
                // This sample starts the next stretch.
                stretchStart = time
                sum = up
                forceSum = force
                count = 1
            }
            return nil
        }
        if count == 0 { stretchStart = time }
        sum = sum + up
        forceSum = forceSum + force
        count += 1
        if time - stretchStart >= settings.quietDuration {
            neutral = NeutralPose(up: forceSum, forwardHint: forwardHint)
            return neutral
        }
        return nil
    }
}
