import GluteWire

/// Tuning of the orientation filter (`AHRS`). Every field has a documented default; the defaults
/// are those of x-io's Fusion in its "advanced" configuration, expressed in seconds rather than
/// sample counts so that they hold at any sample rate.
public struct AHRSSettings: Sendable, Equatable {
    /// Weight of the accelerometer (and magnetometer) correction against the gyroscope, in 1/s.
    /// Larger follows the accelerometer faster and trusts the gyroscope less. Default 0.5.
    /// Zero gives pure gyroscope integration (and ends initialisation at once).
    public var gain: Double
    /// Full-scale range of the gyroscope in deg/s. A reading beyond 98 % of it means the sensor
    /// clipped, so the integrated attitude is wrong: the filter re-initialises (keeping its current
    /// quaternion) to re-converge quickly. Default 2000; 0 disables over-range recovery.
    public var gyroscopeRange: Double
    /// Largest disagreement, in degrees, between measured and estimated gravity that the filter
    /// still accepts as gravity; beyond it the accelerometer is treated as linear acceleration and
    /// ignored. Default 10; 0 disables rejection.
    public var accelerationRejection: Double
    /// Same as `accelerationRejection` for the magnetic heading, in degrees. Default 10; 0 disables.
    public var magneticRejection: Double
    /// Seconds of (mostly) continuous rejection after which the filter gives up rejecting and uses
    /// the sensor again, so that a bad estimate cannot lock itself out forever. Default 5.
    /// 0 disables acceleration and magnetic rejection altogether.
    public var recoveryTriggerPeriod: Double
    /// Learn and subtract the gyroscope offset while the sensor is still (`GyroBiasEstimator`).
    /// Default true.
    public var gyroBiasCorrection: Bool
    /// Seconds of initialisation after a start or reset: the gain ramps linearly from
    /// `startupGain` down to `gain`, so the attitude converges in a fraction of a second. Default 3.
    public var startupDuration: Double
    /// Gain at the very start of initialisation. Default 10.
    public var startupGain: Double
    /// Angular rate (deg/s, after offset removal) on every axis below which the sensor counts as
    /// still for the offset estimator. Default 3.
    public var gyroBiasStillThreshold: Double
    /// Seconds the sensor must stay still before the offset estimator starts learning. Default 3
    /// (the default of Fusion 1.3's bias algorithm, which produced the reference data).
    public var gyroBiasStillPeriod: Double
    /// Cut-off frequency (Hz) of the low-pass filter that learns the offset. Default 0.02
    /// (time constant about 8 s).
    public var gyroBiasCutoffFrequency: Double

    /// Settings with the documented defaults, each overridable.
    public init(gain: Double = 0.5,
                gyroscopeRange: Double = 2000,
                accelerationRejection: Double = 10,
                magneticRejection: Double = 10,
                recoveryTriggerPeriod: Double = 5,
                gyroBiasCorrection: Bool = true,
                startupDuration: Double = 3,
                startupGain: Double = 10,
                gyroBiasStillThreshold: Double = 3,
                gyroBiasStillPeriod: Double = 3,
                gyroBiasCutoffFrequency: Double = 0.02) {
        self.gain = gain
        self.gyroscopeRange = gyroscopeRange
        self.accelerationRejection = accelerationRejection
        self.magneticRejection = magneticRejection
        self.recoveryTriggerPeriod = recoveryTriggerPeriod
        self.gyroBiasCorrection = gyroBiasCorrection
        self.startupDuration = startupDuration
        self.startupGain = startupGain
        self.gyroBiasStillThreshold = gyroBiasStillThreshold
        self.gyroBiasStillPeriod = gyroBiasStillPeriod
        self.gyroBiasCutoffFrequency = gyroBiasCutoffFrequency
    }

    /// Equal to Fusion's `update_no_magnetometer` with gain 0.5 and Fusion's other defaults: no
    /// over-range recovery, no rejection, no offset correction. This is the configuration of
    /// `../shared/data/fusion/fusion_euler_simple_6axis.csv`.
    public static let fusionSimple6Axis = AHRSSettings(gain: 0.5,
                                                       gyroscopeRange: 0,
                                                       accelerationRejection: 0,
                                                       magneticRejection: 0,
                                                       recoveryTriggerPeriod: 0,
                                                       gyroBiasCorrection: false)
}
