import GluteWire

import RealModule

/// Attitude and heading reference system: fuses gyroscope, accelerometer and (optionally)
/// magnetometer into the sensor's orientation, in the style of x-io's Fusion.
///
/// A complementary filter: the gyroscope is integrated, and the integration is steered by the
/// error between the measured and the estimated gravity (and magnetic west when a magnetometer is
/// present), weighted by `gain`. On start the gain begins high and ramps down over
/// `startupDuration`, so the attitude converges at once. Readings that disagree too much are
/// rejected as linear acceleration or magnetic disturbance, unless rejection has lasted a whole
/// `recoveryTriggerPeriod`. A clipped gyroscope re-initialises the filter from its last attitude.
/// A `GyroBiasEstimator` removes the gyroscope offset before all of this.
///
/// Earth frame NWU: x north, y west, z up. Units: deg/s, g, uT, s. `update` does not allocate.
public struct AHRS: Sendable {
    /// The settings the filter was created with.
    public let settings: AHRSSettings

    // Settings turned into the form the hot path compares against.
    private let overRangeThreshold: Double
    private let accelerationRejectionThreshold: Double
    private let magneticRejectionThreshold: Double
    private let recoveryPeriod: Double
    private let gainRampRate: Double

    /// Sensor -> earth (NWU) rotation.
    public private(set) var quaternion: Quaternion = .identity
    /// The last accelerometer reading, g.
    public private(set) var accelerometer: Vector3 = .zero
    /// The last gyroscope reading with the offset removed, deg/s.
    public private(set) var correctedGyro: Vector3 = .zero
    /// The gain in use at the last update (ramps during initialisation).
    public private(set) var currentGain: Double = 0
    /// What the filter did on the last update.
    public private(set) var flags = AHRSFlags()
    /// Angle in degrees between the measured and the estimated gravity at the last update.
    public var accelerationErrorDegrees: Double { AHRS.errorDegrees(halfFeedbackSquared: accelerationErrorSquared) }
    /// Angle in degrees between the measured and the estimated magnetic west at the last update.
    public var magneticErrorDegrees: Double { AHRS.errorDegrees(halfFeedbackSquared: magneticErrorSquared) }
    // The errors as |half feedback|^2; the arcsine that turns them into degrees is paid only when
    // they are read, not on every update.
    private var accelerationErrorSquared: Double = 0
    private var magneticErrorSquared: Double = 0

    private var biasEstimator: GyroBiasEstimator
    /// Heading is zeroed while the first initialisation lasts and there is no magnetometer, so
    /// that a 6-axis yaw starts at 0 (as Fusion does); not after over-range recovery, where the
    /// integrated yaw is still the best guess.
    private var zeroHeadingDuringStartup = true
    private var accelerationTrigger: Double = 0
    private var accelerationRecovering = false
    private var magneticTrigger: Double = 0
    private var magneticRecovering = false

    /// A filter at rest (identity attitude), initialising.
    public init(settings: AHRSSettings = AHRSSettings()) {
        self.settings = settings
        overRangeThreshold = settings.gyroscopeRange > 0 ? 0.98 * settings.gyroscopeRange : .infinity
        let rejectionEnabled = settings.gain > 0 && settings.recoveryTriggerPeriod > 0
        accelerationRejectionThreshold = rejectionEnabled && settings.accelerationRejection > 0
            ? AHRS.squaredHalfSine(degrees: settings.accelerationRejection) : .infinity
        magneticRejectionThreshold = rejectionEnabled && settings.magneticRejection > 0
            ? AHRS.squaredHalfSine(degrees: settings.magneticRejection) : .infinity
        recoveryPeriod = max(settings.recoveryTriggerPeriod, 0)
        gainRampRate = settings.startupDuration > 0
            ? (settings.startupGain - settings.gain) / settings.startupDuration : .infinity
        biasEstimator = GyroBiasEstimator(settings: settings)
        reset()
    }

    /// The rejection test compares |half feedback|^2 = (sin(error) / 2)^2 with this threshold,
    /// which avoids a square root and an arcsine per sample.
    private static func squaredHalfSine(degrees: Double) -> Double {
        let s = 0.5 * Double.sin(min(degrees, 90) * AHRSMath.degreesToRadians)
        return s * s
    }

    /// Starts over from the identity attitude with the initialisation ramp. The learned gyroscope
    /// offset is kept: it belongs to the sensor, not to the pose (see `resetGyroBias`).
    public mutating func reset() {
        quaternion = .identity
        accelerometer = .zero
        correctedGyro = .zero
        accelerationErrorSquared = 0
        magneticErrorSquared = 0
        flags = AHRSFlags()
        zeroHeadingDuringStartup = true
        restartInitialisation()
    }

    /// Forgets the learned gyroscope offset.
    public mutating func resetGyroBias() {
        biasEstimator.reset()
    }

    private mutating func restartInitialisation() {
        let initialising = settings.gain > 0 && settings.startupDuration > 0
        currentGain = initialising ? max(settings.startupGain, settings.gain) : settings.gain
        flags.initialising = initialising
        accelerationTrigger = 0
        accelerationRecovering = false
        magneticTrigger = 0
        magneticRecovering = false
    }

    /// Advances the filter by one sample.
    /// - Parameters:
    ///   - gyro: angular rate, deg/s.
    ///   - accel: specific force, g (a zero vector means "no reading").
    ///   - mag: magnetic field, uT, or nil without a magnetometer (a zero vector is ignored too).
    ///   - dt: seconds since the previous sample; non-positive values integrate nothing.
    ///
    /// A sample with a NaN or infinite gyroscope, accelerometer or dt is skipped (one NaN would
    /// poison the quaternion for good); a non-finite magnetometer reading counts as absent.
    public mutating func update(gyro: Vector3, accel: Vector3, mag: Vector3?, dt: Double) {
        // One sum tests all seven values: it is finite exactly when they all are (short of
        // overflow, which no sensor reaches).
        guard (gyro.x + gyro.y + gyro.z + accel.x + accel.y + accel.z + dt).isFinite else { return }
        let dt = max(dt, 0)
        accelerometer = accel
        let gyro = settings.gyroBiasCorrection ? biasEstimator.update(gyro: gyro, dt: dt) : gyro
        correctedGyro = gyro

        let overRange = max(abs(gyro.x), abs(gyro.y), abs(gyro.z)) > overRangeThreshold
        if overRange {
            // The integrated attitude is unreliable: converge again at high gain from here.
            restartInitialisation()
        }

        if flags.initialising {
            currentGain -= gainRampRate * dt
            if currentGain <= settings.gain {
                currentGain = settings.gain
                flags.initialising = false
                zeroHeadingDuringStartup = false
            }
        }
        flags.gyroOverRange = overRange || (flags.gyroOverRange && flags.initialising)

        let halfUp = AHRSMath.halfUp(quaternion)
        let halfAccelerationFeedback = accelerationFeedback(accel: accel, halfUp: halfUp, dt: dt)
        var field = mag ?? .zero
        if !(field.x + field.y + field.z).isFinite { field = .zero }
        let halfMagneticFeedback = magneticFeedback(mag: field, halfUp: halfUp, dt: dt)

        // Rotate by the corrected rate held over dt. The exact rotation (rather than Fusion's
        // first-order step q += q * (0, omega dt / 2)) keeps slow sensors (20-50 Hz) turning fast
        // from losing angle: the first-order step under-turns by about theta^3 / 12 per sample.
        let halfRate = gyro * (0.5 * AHRSMath.degreesToRadians)
            + (halfAccelerationFeedback + halfMagneticFeedback) * currentGain
        quaternion = AHRSMath.normalised(AHRSMath.product(quaternion, AHRSMath.rotation(halfAngle: halfRate * dt)))

        if field == .zero && flags.initialising && zeroHeadingDuringStartup {
            quaternion = AHRSMath.zeroHeading(quaternion)
        }
        flags.recoveryTriggered = accelerationRecovering || magneticRecovering
    }

    /// Half-scaled gravity correction, or zero when the accelerometer is absent or rejected.
    @inline(__always)
    private mutating func accelerationFeedback(accel: Vector3, halfUp: Vector3, dt: Double) -> Vector3 {
        guard accel != .zero else {
            flags.accelerationRejected = false
            accelerationErrorSquared = 0
            return .zero
        }
        let feedback = AHRSMath.halfFeedback(measured: AHRSMath.normalised(accel), halfEstimated: halfUp)
        let squared = Vector3.dot(feedback, feedback)
        accelerationErrorSquared = squared
        let accepted = flags.initialising || squared <= accelerationRejectionThreshold
        let used = AHRS.rejectionStep(accepted: accepted, trigger: &accelerationTrigger,
                                      recovering: &accelerationRecovering, period: recoveryPeriod, dt: dt)
        flags.accelerationRejected = !used
        return used ? feedback : .zero
    }

    /// Half-scaled heading correction, or zero when the magnetometer is absent (zero) or rejected.
    @inline(__always)
    private mutating func magneticFeedback(mag: Vector3, halfUp: Vector3, dt: Double) -> Vector3 {
        guard mag != .zero else {
            flags.magneticRejected = false
            magneticErrorSquared = 0
            return .zero
        }
        // Up x field points west whatever the field's dip; its direction is all that is needed.
        let measuredWest = AHRSMath.normalised(Vector3.cross(halfUp, mag))
        let feedback = AHRSMath.halfFeedback(measured: measuredWest, halfEstimated: AHRSMath.halfWest(quaternion))
        let squared = Vector3.dot(feedback, feedback)
        magneticErrorSquared = squared
        let accepted = flags.initialising || squared <= magneticRejectionThreshold
        let used = AHRS.rejectionStep(accepted: accepted, trigger: &magneticTrigger,
                                      recovering: &magneticRecovering, period: recoveryPeriod, dt: dt)
        flags.magneticRejected = !used
        return used ? feedback : .zero
    }

    /// One step of the rejection/recovery bookkeeping; returns whether the reading is used.
    ///
    /// `trigger` counts seconds of rejection up and accepted seconds down nine times as fast, so
    /// only a mostly-rejecting stretch reaches the period. Once it does, readings are used until
    /// the trigger has drained back to zero (hysteresis), letting a wrong estimate be pulled back.
    @inline(__always)
    private static func rejectionStep(accepted: Bool, trigger: inout Double, recovering: inout Bool,
                                      period: Double, dt: Double) -> Bool {
        trigger += accepted ? -9 * dt : dt
        recovering = trigger > (recovering ? 0 : period)
        trigger = min(max(trigger, 0), period)
        return accepted || recovering
    }

    @inline(__always)
    private static func errorDegrees(halfFeedbackSquared: Double) -> Double {
        Double.asin(min(2 * halfFeedbackSquared.squareRoot(), 1)) * AHRSMath.radiansToDegrees
    }

    /// Unit "up" direction expressed in the sensor frame (what a still accelerometer reads, in g).
    public var gravity: Vector3 { AHRSMath.halfUp(quaternion) * 2 }

    /// Accelerometer reading with gravity removed, g, sensor frame.
    public var linearAcceleration: Vector3 { accelerometer - gravity }

    /// Accelerometer reading rotated into the earth frame with gravity removed, g, NWU.
    public var earthAcceleration: Vector3 {
        AHRSMath.sensorToEarth(quaternion, accelerometer) - Vector3(0, 0, 1)
    }

    /// Current gyroscope offset estimate, deg/s (zero when `gyroBiasCorrection` is off).
    public var gyroBias: Vector3 { biasEstimator.bias }
}
