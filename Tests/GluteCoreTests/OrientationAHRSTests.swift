import Foundation
import Testing
import GluteWire
@testable import GluteCore

/// Synthetic checks of the filter's behaviours with a perfect, noiseless sensor at 100 Hz.
@Suite("Orientation AHRS behaviours")
struct OrientationAHRSTests {
    typealias T = OrientationTruth

    @Test("the test truth reads the body-frame convention of DESIGN.md")
    func truthMatchesBodyFrame() {
        let anterior = T.up(T.pelvis(anterior: 20, leftDrop: 0))
        #expect(abs(anterior.x + sin(20 * .pi / 180)) < 1e-12 && abs(anterior.z - cos(20 * .pi / 180)) < 1e-12)
        let drop = T.up(T.pelvis(anterior: 0, leftDrop: 15))
        #expect(abs(drop.y + sin(15 * .pi / 180)) < 1e-12 && abs(drop.x) < 1e-12)
    }

    @Test("static tilt converges to the right gravity within the startup period",
          arguments: [(0.0, 0.0), (20.0, 0.0), (0.0, -15.0), (25.0, 10.0), (-80.0, 30.0), (150.0, 0.0)])
    func staticTiltConverges(anterior: Double, leftDrop: Double) {
        let truth = T.up(T.pelvis(anterior: anterior, leftDrop: leftDrop))
        var ahrs = AHRS()
        var samples = 0
        var errorAtOneSecond = 0.0
        while ahrs.flags.initialising {
            ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt)
            samples += 1
            if samples == 100 { errorAtOneSecond = T.angle(ahrs.gravity, truth) }
            if samples > 1000 { break }
        }
        let error = T.angle(ahrs.gravity, truth)
        print("static tilt (\(anterior), \(leftDrop)): startup ended after \(samples) samples; gravity error \(errorAtOneSecond) deg at 1 s, \(error) deg at end of startup")
        #expect(abs(Double(samples) * T.dt - AHRSSettings().startupDuration) < 0.02)
        #expect(error < 0.05)
        #expect(abs(ahrs.gravity.norm - 1) < 1e-9)
        #expect(ahrs.linearAcceleration.norm < 1e-3)
        #expect(ahrs.earthAcceleration.norm < 1e-3)
    }

    /// A still sensor whose gyroscope reads `bias`; returns the worst tilt error once the startup
    /// convergence is over, the worst after 30 s, and the filter.
    func stillWithBias(_ bias: Vector3, correction: Bool, seconds: Double) -> (ahrs: AHRS, worst: Double, worstAfter30s: Double) {
        let truth = T.up(T.pelvis(anterior: 15, leftDrop: 5))
        var ahrs = AHRS(settings: AHRSSettings(gyroBiasCorrection: correction))
        var worst = 0.0, worstLate = 0.0
        for k in 1...Int(seconds * T.rate) {
            ahrs.update(gyro: bias, accel: truth, mag: nil, dt: T.dt)
            let error = T.angle(ahrs.gravity, truth)
            if Double(k) * T.dt >= 1 { worst = max(worst, error) }
            if Double(k) * T.dt >= 30 { worstLate = max(worstLate, error) }
        }
        return (ahrs, worst, worstLate)
    }

    @Test("gyro bias of 2 deg/s per axis is learned while still; tilt stays put over 60 s")
    func gyroBiasLearned() {
        let bias = Vector3(2, -2, 2)
        let learned = stillWithBias(bias, correction: true, seconds: 60)
        let final = T.angle(learned.ahrs.gravity, T.up(T.pelvis(anterior: 15, leftDrop: 5)))
        let estimateError = (learned.ahrs.gyroBias - bias).norm
        let uncorrected = stillWithBias(bias, correction: false, seconds: 60)
        let uncorrectedFinal = T.angle(uncorrected.ahrs.gravity, T.up(T.pelvis(anterior: 15, leftDrop: 5)))
        print("gyro bias (2,-2,2) deg/s, 60 s still: estimate \(learned.ahrs.gyroBias), error \(estimateError) deg/s; tilt error worst (from 1 s) \(learned.worst), worst after 30 s \(learned.worstAfter30s), final \(final) deg; without correction worst \(uncorrected.worst) final \(uncorrectedFinal) deg")
        #expect(estimateError < 0.05)
        // Until the offset is learned the tilt lags by about bias / gain, as with no correction;
        // learning must only ever reduce that.
        #expect(learned.worst <= uncorrected.worst)
        #expect(learned.worstAfter30s < 0.5)
        #expect(final < 0.05)
        #expect(uncorrectedFinal > 2, "without learning, the bias must show as a standing tilt error")
        #expect(uncorrected.ahrs.gyroBias == .zero)
    }

    @Test("the bias estimator does not learn motion")
    func biasEstimatorIgnoresMotion() {
        var estimator = GyroBiasEstimator()
        for k in 0..<6000 {
            // A slow sway of +-20 deg/s: well above the still threshold.
            let rate = 20 * sin(Double(k) * T.dt * 2 * .pi * 0.3)
            _ = estimator.update(gyro: Vector3(rate + 1, 0.5, 0), dt: T.dt)
        }
        #expect(estimator.bias.norm < 0.2, "learned \(estimator.bias) from motion")
    }

    /// Settles still at a tilt, then applies `burst` g of linear acceleration (earth frame) for
    /// `duration` s, then settles again. Returns the worst tilt error during the burst, the error
    /// at the end, and whether rejection was flagged during the burst.
    func burst(_ burst: Vector3, duration: Double, settings: AHRSSettings)
        -> (worstDuring: Double, after: Double, rejectedDuring: Bool, rejectedAfter: Bool, recovery: Bool) {
        let attitude = T.pelvis(anterior: 10, leftDrop: 0)
        let truth = T.up(attitude)
        var ahrs = AHRS(settings: settings)
        for _ in 0..<500 { ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt) }
        var worst = 0.0, rejected = true, recovery = false
        for _ in 0..<Int(duration * T.rate) {
            let accel = truth + T.earthToSensor(attitude, burst)
            ahrs.update(gyro: .zero, accel: accel, mag: nil, dt: T.dt)
            worst = max(worst, T.angle(ahrs.gravity, truth))
            rejected = rejected && ahrs.flags.accelerationRejected
            recovery = recovery || ahrs.flags.recoveryTriggered
        }
        for _ in 0..<300 { ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt) }
        return (worst, T.angle(ahrs.gravity, truth), rejected, ahrs.flags.accelerationRejected, recovery)
    }

    @Test("a 0.5 g linear acceleration burst is rejected, and the filter resumes afterwards")
    func accelerationBurstRejected() {
        let forward = Vector3(0.5, 0, 0)
        let on = burst(forward, duration: 2, settings: AHRSSettings())
        let off = burst(forward, duration: 2, settings: AHRSSettings(accelerationRejection: 0))
        print("0.5 g burst 2 s: with rejection worst tilt error \(on.worstDuring) deg, after \(on.after) deg; without rejection worst \(off.worstDuring) deg")
        #expect(on.rejectedDuring)
        #expect(!on.recovery)
        #expect(on.worstDuring < 0.5)
        #expect(on.after < 0.5)
        #expect(!on.rejectedAfter)
        #expect(off.worstDuring > 5, "without rejection the burst must pull the tilt")
    }

    @Test("sustained disagreement beyond the recovery period triggers recovery and re-converges")
    func recoveryTrigger() {
        // A gyro glitch (30 deg about x in 0.1 s, sensor actually still) leaves the estimate
        // 30 deg off: the accelerometer is then rejected until the recovery trigger fires.
        let truth = T.up(T.pelvis(anterior: 0, leftDrop: 0))
        var ahrs = AHRS()
        for _ in 0..<800 { ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt) }
        for _ in 0..<10 { ahrs.update(gyro: Vector3(300, 0, 0), accel: truth, mag: nil, dt: T.dt) }
        let glitchError = T.angle(ahrs.gravity, truth)
        var triggeredAt: Double?
        var errorAtTrigger = 0.0
        var t = 0.0
        while t < 20 {
            ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt)
            t += T.dt
            if triggeredAt == nil && ahrs.flags.recoveryTriggered {
                triggeredAt = t
                errorAtTrigger = T.angle(ahrs.gravity, truth)
            }
            if triggeredAt == nil { #expect(ahrs.flags.accelerationRejected) }
        }
        let final = T.angle(ahrs.gravity, truth)
        print("recovery: error after glitch \(glitchError) deg, recovery triggered after \(triggeredAt ?? -1) s at error \(errorAtTrigger) deg, error 20 s after glitch \(final) deg")
        #expect(glitchError > 25)
        // The trigger starts counting during the glitch itself, as soon as the error passes 10 deg.
        let period = AHRSSettings().recoveryTriggerPeriod
        #expect(triggeredAt.map { $0 > period - 0.1 && $0 <= period + 0.01 } ?? false)
        // From there the gain of 0.5 /s pulls the 30 deg back with a 2 s time constant.
        #expect(final < 0.05)
        #expect(!ahrs.flags.recoveryTriggered && !ahrs.flags.accelerationRejected)
    }

    /// Rotates the sensor 90 deg about x at 900 deg/s (0.1 s) with a gyroscope that clips at
    /// 500 deg/s, then holds still; returns the attitude error 1 s and `hold` s later.
    func clippedRotation(range: Double, hold: Double) -> (oneSecond: Double, end: Double, flagged: Bool, stillFlagged: Bool) {
        var ahrs = AHRS(settings: AHRSSettings(gyroscopeRange: range))
        var q = Quaternion.identity
        for _ in 0..<500 { ahrs.update(gyro: .zero, accel: T.up(q), mag: nil, dt: T.dt) }
        var flagged = false
        for _ in 0..<10 {
            q = T.advance(q, bodyRate: Vector3(900, 0, 0), dt: T.dt)
            ahrs.update(gyro: Vector3(min(900, 500), 0, 0), accel: T.up(q), mag: nil, dt: T.dt)
            flagged = flagged || ahrs.flags.gyroOverRange
        }
        var oneSecond = 0.0
        for k in 1...Int(hold * T.rate) {
            ahrs.update(gyro: .zero, accel: T.up(q), mag: nil, dt: T.dt)
            if k == 100 { oneSecond = T.angle(ahrs.gravity, T.up(q)) }
        }
        return (oneSecond, T.angle(ahrs.gravity, T.up(q)), flagged, ahrs.flags.gyroOverRange)
    }

    @Test("after gyroscope over-range (clipped gyro) the filter returns to the right attitude")
    func overRangeRecovery() {
        let recovered = clippedRotation(range: 500, hold: 3)
        let unprotected = clippedRotation(range: 0, hold: 3)
        print("clipped 90 deg turn: over-range recovery error \(recovered.oneSecond) deg at 1 s, \(recovered.end) deg at 3 s; without recovery \(unprotected.oneSecond) deg at 1 s, \(unprotected.end) deg at 3 s")
        #expect(recovered.flagged)
        #expect(!recovered.stillFlagged)
        #expect(recovered.end < 0.1)
        #expect(!unprotected.flagged)
        #expect(unprotected.end > 10, "without over-range recovery the clipped turn leaves a rejected error")
    }

    @Test("9-axis: heading converges to magnetic north and rejects a magnetic disturbance")
    func magneticHeading() {
        // Field of 50 uT pointing north and 60 deg down, sensor level and yawed 40 deg west of north.
        let field = Vector3(50 * cos(.pi / 3), 0, -50 * sin(.pi / 3))
        let attitude = T.rotation(axis: Vector3(0, 0, 1), degrees: 40)
        var ahrs = AHRS()
        for _ in 0..<400 {
            ahrs.update(gyro: .zero, accel: T.up(attitude), mag: T.earthToSensor(attitude, field), dt: T.dt)
        }
        let headingError = T.angle(ahrs.quaternion, attitude)
        var rejected = true
        for _ in 0..<100 {
            let disturbed = T.earthToSensor(attitude, field + Vector3(0, 30, 0))
            ahrs.update(gyro: .zero, accel: T.up(attitude), mag: disturbed, dt: T.dt)
            rejected = rejected && ahrs.flags.magneticRejected
        }
        let disturbedError = T.angle(ahrs.quaternion, attitude)
        print("magnetometer: attitude error \(headingError) deg after 4 s, \(disturbedError) deg after 1 s of a 30 uT disturbance")
        #expect(headingError < 0.1)
        #expect(abs(ahrs.quaternion.fusionEulerDegrees.yaw - 40) < 0.2)
        #expect(rejected)
        #expect(disturbedError < 0.1)
    }

    @Test("non-finite readings are skipped instead of poisoning the attitude")
    func nonFiniteReadingsSkipped() {
        let truth = T.up(T.pelvis(anterior: 12, leftDrop: 0))
        var ahrs = AHRS()
        for _ in 0..<400 { ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: T.dt) }
        let before = ahrs.quaternion
        ahrs.update(gyro: Vector3(.nan, 0, 0), accel: truth, mag: nil, dt: T.dt)
        ahrs.update(gyro: .zero, accel: Vector3(0, .infinity, 1), mag: nil, dt: T.dt)
        ahrs.update(gyro: .zero, accel: truth, mag: nil, dt: .nan)
        #expect(ahrs.quaternion == before)
        ahrs.update(gyro: .zero, accel: truth, mag: Vector3(.nan, 1, 1), dt: T.dt)
        #expect(ahrs.quaternion.w.isFinite && !ahrs.flags.magneticRejected)
        #expect(T.angle(ahrs.gravity, truth) < 0.01)
    }
}
