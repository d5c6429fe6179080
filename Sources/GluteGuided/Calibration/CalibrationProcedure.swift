import Foundation
import GluteWire

/// The guided calibration, fed IMU samples in the body frame (after the mount remap) and nothing
/// else: no clocks, so it is tested with plain values and behaves the same live and on a file.
///
/// Step 1 waits for `stillDuration` seconds of continuous quiet and averages the acceleration over
/// them: that is the neutral up direction. Step 2 waits for the up direction to move at least
/// `minimumTip` degrees away from neutral and stay there, quiet and steady, for `holdDuration`;
/// the held direction moves toward the back when the pelvis tips forward (a sensor tipped
/// anteriorly by t reads (-sin t, 0, cos t)), so forward is the opposite of the tip's component
/// perpendicular to up. The axis the pelvis turned about is then left/right, whatever the mount.
/// Either step fails after `stepTimeout` stream seconds, after `movingAllowance` seconds of
/// continuous strong movement, or (step 2) on a rotation beyond `maximumTip` or a backward tip.
public struct CalibrationProcedure: Sendable {
    public let settings: CalibrationProcedureSettings
    public private(set) var state: CalibrationState

    private var lastTime: Double?
    private var stepStart: Double?
    private var accelMean = Vector3.zero
    private var accelPower = 0.0
    private var gyroPower = 0.0
    private var lowPassedAccel = Vector3.zero
    private var samplesSeen = 0
    private var movingSince: Double?

    private var stillStart: Double?
    private var stillSum = Vector3.zero
    private var longestStill = 0.0
    private var neutralUp: Vector3?
    private var neutralStretch: ClosedRange<Double> = 0...0

    private var holdStart: Double?
    private var holdAnchor = Vector3.zero
    private var holdSum = Vector3.zero
    private var largestTip = 0.0

    public init(settings: CalibrationProcedureSettings = CalibrationProcedureSettings()) {
        self.settings = settings
        state = .running(CalibrationProgress(step: .standStill, fraction: 0, quiet: false, angleFromNeutral: nil,
                                             remaining: settings.stepTimeout))
    }

    /// The step under way (the last one run, once finished or failed).
    public var step: CalibrationStep { neutralUp == nil ? .standStill : .tipForward }

    /// Feeds one sample (body frame: accel in g, gyro in deg/s); returns the new state. Samples
    /// after the end are ignored.
    @discardableResult
    public mutating func feed(_ sample: IMUSample) -> CalibrationState {
        guard case .running = state else { return state }
        let t = sample.time
        // A clock that steps back (a device reset) counts as no time passing.
        let dt = lastTime.map { max(0, t - $0) } ?? 0
        let now = max(t, lastTime ?? t)
        lastTime = now
        if stepStart == nil { stepStart = now }
        updateMotion(accel: sample.accel, gyro: sample.gyro, dt: dt)
        let quiet = samplesSeen > 1 && accelPower.squareRoot() < settings.quietAccel && gyroPower.squareRoot() < settings.quietGyro
        let moving = accelPower.squareRoot() > settings.movingAccel || gyroPower.squareRoot() > settings.movingGyro

        if moving {
            if movingSince == nil { movingSince = now }
            if let since = movingSince, now - since > settings.movingAllowance {
                return fail(.movedTooMuch, "you moved for more than \(format(settings.movingAllowance)) s; "
                    + (step == .standStill ? "stand still and start again" : "tip only the pelvis, slowly, and start again"))
            }
        } else {
            movingSince = nil
        }

        switch step {
        case .standStill:
            if let result = standStill(sample, time: now, quiet: quiet) { return result }
        case .tipForward:
            if let result = tipForward(sample, time: now, quiet: quiet) { return result }
        }
        guard case .running(var progress) = state else { return state }
        let elapsed = now - (stepStart ?? now)
        if elapsed > settings.stepTimeout {
            switch step {
            case .standStill:
                return fail(.timeout, "no \(format(settings.stillDuration)) s of stillness within \(format(settings.stepTimeout)) s "
                    + "(longest still stretch \(format(longestStill)) s); stand still, or check that the sensor is not loose")
            case .tipForward:
                let why = largestTip < settings.minimumTip
                    ? "the pelvis tipped at most \(format(largestTip)) deg, less than the \(format(settings.minimumTip)) deg needed"
                    : "the tip was never held still for \(format(settings.holdDuration)) s"
                return fail(.timeout, "no forward tip within \(format(settings.stepTimeout)) s: \(why)")
            }
        }
        progress.quiet = quiet
        progress.remaining = max(0, settings.stepTimeout - elapsed)
        state = .running(progress)
        return state
    }

    private mutating func updateMotion(accel: Vector3, gyro: Vector3, dt: Double) {
        samplesSeen += 1
        guard samplesSeen > 1 else {
            accelMean = accel
            lowPassedAccel = accel
            return
        }
        let w = weight(dt: dt, tau: settings.motionTau)
        accelMean = accelMean + (accel - accelMean) * w
        let d = accel - accelMean
        accelPower += (Vector3.dot(d, d) - accelPower) * w
        gyroPower += (Vector3.dot(gyro, gyro) - gyroPower) * w
        lowPassedAccel = lowPassedAccel + (accel - lowPassedAccel) * weight(dt: dt, tau: settings.upTau)
    }

    private mutating func standStill(_ sample: IMUSample, time: Double, quiet: Bool) -> CalibrationState? {
        guard quiet else {
            stillStart = nil
            state = .running(CalibrationProgress(step: .standStill, fraction: 0, quiet: false, angleFromNeutral: nil, remaining: 0))
            return nil
        }
        if stillStart == nil {
            stillStart = time
            stillSum = .zero
        }
        stillSum = stillSum + sample.accel
        let held = time - stillStart!
        longestStill = max(longestStill, held)
        if held >= settings.stillDuration, let up = unit(stillSum) {
            neutralUp = up
            neutralStretch = stillStart!...time
            stepStart = time
            movingSince = nil
            state = .running(CalibrationProgress(step: .tipForward, fraction: 0, quiet: true, angleFromNeutral: 0,
                                                 remaining: settings.stepTimeout))
            return state
        }
        state = .running(CalibrationProgress(step: .standStill, fraction: min(1, held / settings.stillDuration), quiet: true,
                                             angleFromNeutral: nil, remaining: 0))
        return nil
    }

    private mutating func tipForward(_ sample: IMUSample, time: Double, quiet: Bool) -> CalibrationState? {
        guard let neutral = neutralUp, let up = unit(lowPassedAccel) else { return nil }
        let angle = degrees(between: up, neutral)
        largestTip = max(largestTip, angle)
        if angle > settings.maximumTip {
            return fail(.tippedTooFar, "the sensor turned \(format(angle)) deg from neutral, more than a pelvic tip "
                + "(\(format(settings.maximumTip)) deg at most): did you bend over or sit down? Start again, standing")
        }
        var fraction = 0.0
        if quiet && angle >= settings.minimumTip {
            if holdStart == nil || degrees(between: up, holdAnchor) > settings.holdSteadiness {
                holdStart = time
                holdAnchor = up
                holdSum = .zero
            }
            holdSum = holdSum + sample.accel
            let held = time - holdStart!
            fraction = min(1, held / settings.holdDuration)
            if held >= settings.holdDuration, let tipped = unit(holdSum) {
                return finish(neutral: neutral, tipped: tipped, hold: holdStart!...time)
            }
        } else {
            holdStart = nil
        }
        state = .running(CalibrationProgress(step: .tipForward, fraction: fraction, quiet: quiet, angleFromNeutral: angle, remaining: 0))
        return nil
    }

    private mutating func finish(neutral: Vector3, tipped: Vector3, hold: ClosedRange<Double>) -> CalibrationState {
        // Tipping forward moves the measured up toward the back.
        let toward = tipped - neutral * Vector3.dot(tipped, neutral)
        guard let forward = unit(toward * -1) else {
            return fail(.timeout, "the tip had no direction")
        }
        let mountForward = Vector3(1, 0, 0)
        let forwardOffset = degrees(between: forward, mountForward)
        if let tolerance = settings.forwardTolerance, forwardOffset > tolerance {
            return fail(.tippedBackward, "the pelvis tipped backward (\(format(forwardOffset)) deg from the mount's forward axis): "
                + "tip it forward, belt buckle down; or, if you did, fix --mount")
        }
        let result = CalibrationResult(up: neutral, forward: forward, tipAngle: degrees(between: tipped, neutral),
                                       upOffsetFromMount: degrees(between: neutral, Vector3(0, 0, 1)),
                                       forwardOffsetFromMount: forwardOffset, stillStretch: neutralStretch, hold: hold)
        state = .finished(result)
        return state
    }

    private mutating func fail(_ reason: CalibrationFailure.Reason, _ message: String) -> CalibrationState {
        state = .failed(CalibrationFailure(reason: reason, step: step, description: "step \(step.rawValue): \(message)"))
        return state
    }

    private func weight(dt: Double, tau: Double) -> Double {
        tau <= 0 ? 1 : 1 - exp(-dt / tau)
    }

    private func unit(_ v: Vector3) -> Vector3? {
        let n = v.norm
        return n > 1e-9 ? v * (1 / n) : nil
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// The angle between two vectors, degrees, robust near 0 and 180.
package func degrees(between a: Vector3, _ b: Vector3) -> Double {
    atan2(Vector3.cross(a, b).norm, Vector3.dot(a, b)) * 180 / .pi
}
