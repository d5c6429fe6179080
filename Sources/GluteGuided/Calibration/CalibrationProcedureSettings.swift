/// Thresholds of the guided calibration (`glutebridge calibrate`), with documented defaults.
///
/// Motion is measured like the posture classifier does: the RMS of the high-passed acceleration
/// and of the angular rate over about `motionTau` seconds.
public struct CalibrationProcedureSettings: Sendable, Equatable {
    /// Seconds of continuous quiet, upright standing that make the neutral. Default 5 s.
    public var stillDuration: Double
    /// Seconds the forward tip must be held, quiet and steady. Default 2 s.
    public var holdDuration: Double
    /// Smallest rotation away from neutral that counts as the forward tip, degrees. Default 8.
    public var minimumTip: Double
    /// A rotation beyond this is not a pelvic tip (bending over, sitting down): the step fails.
    /// Degrees, default 45.
    public var maximumTip: Double
    /// During the hold the up direction must stay within this of where the hold began, degrees.
    /// Default 3.
    public var holdSteadiness: Double
    /// Largest angle between the derived forward axis and the mount's forward axis, degrees; a
    /// larger one means the pelvis tipped backward (or `--mount` is wrong) and the step fails.
    /// `nil` accepts any direction. Default 90.
    public var forwardTolerance: Double?
    /// Stream seconds each step may take before it fails. Default 60 s.
    public var stepTimeout: Double
    /// Quiet: high-passed acceleration RMS below this, g. Default 0.03 g.
    public var quietAccel: Double
    /// Quiet: angular rate RMS below this, deg/s. Default 10 deg/s.
    public var quietGyro: Double
    /// Moving (walking, handling the sensor): acceleration RMS above this, g. Default 0.15 g.
    public var movingAccel: Double
    /// Moving: angular rate RMS above this, deg/s. Default 60 deg/s.
    public var movingGyro: Double
    /// Continuous movement longer than this fails the calibration, s. Default 3 s.
    public var movingAllowance: Double
    /// Time constant of the motion RMS, s. Default 0.5 s.
    public var motionTau: Double
    /// Time constant of the low-passed up direction that tracks the tip, s. Default 0.2 s.
    public var upTau: Double

    public init(stillDuration: Double = 5, holdDuration: Double = 2, minimumTip: Double = 8, maximumTip: Double = 45,
                holdSteadiness: Double = 3, forwardTolerance: Double? = 90, stepTimeout: Double = 60,
                quietAccel: Double = 0.03, quietGyro: Double = 10, movingAccel: Double = 0.15, movingGyro: Double = 60,
                movingAllowance: Double = 3, motionTau: Double = 0.5, upTau: Double = 0.2) {
        self.stillDuration = stillDuration
        self.holdDuration = holdDuration
        self.minimumTip = minimumTip
        self.maximumTip = maximumTip
        self.holdSteadiness = holdSteadiness
        self.forwardTolerance = forwardTolerance
        self.stepTimeout = stepTimeout
        self.quietAccel = quietAccel
        self.quietGyro = quietGyro
        self.movingAccel = movingAccel
        self.movingGyro = movingGyro
        self.movingAllowance = movingAllowance
        self.motionTau = motionTau
        self.upTau = upTau
    }
}
