import GluteWire

/// What happens when a run is asked to last longer than its scenario's natural length.
public enum ScenarioContinuation: String, Sendable, CaseIterable {
    /// Play the script again from the start. Scripts start and end in the same pose, so the
    /// motion stays continuous; sway, gait phase and noise run on in absolute time.
    case loop
    /// Stay in the script's last segment (quiet standing) until the end of the run.
    case holdLastPhase = "hold-last"
}

/// The virtual sensor's settings. Defaults describe a cheap belt-worn IMU (MPU-6050 class) at
/// 100 Hz and an 8-cell seat cushion at 20 Hz.
public struct SimulationSettings: Sendable, Equatable {
    /// IMU samples per second; 0 disables the IMU. Default 100.
    public var imuRate: Double = 100
    /// Cushion samples per second. Default 20.
    public var pressureRate: Double = 20
    /// Seed for the noise, the gyro bias and the sway phases. Default 1.
    public var seed: UInt64 = 1

    /// Accelerometer white noise, g RMS per axis. Default 0.004 g.
    public var accelNoise: Double = 0.004
    /// Gyroscope white noise, deg/s RMS per axis. Default 0.05 deg/s.
    public var gyroNoise: Double = 0.05
    /// Spread (standard deviation per axis) of the constant gyro bias drawn from the seed.
    /// Default 0.3 deg/s.
    public var gyroBiasSpread: Double = 0.3
    /// A fixed gyro bias instead of one drawn from the seed.
    public var gyroBias: Vector3? = nil
    /// Whether IMU samples carry a magnetometer reading. Default true.
    public var magnetometer: Bool = true
    /// Earth field in the earth frame (x along the start direction, y left of it, z up), uT.
    /// Default: 20 uT horizontal, 44 uT downwards (mid-latitude, northern hemisphere).
    public var earthField = Vector3(20, 0, -44)
    /// Magnetometer white noise, uT RMS per axis. Default 0.3 uT.
    public var magNoise: Double = 0.3
    /// Whether IMU samples carry the true orientation as an on-chip quaternion. Default false.
    public var emitsQuaternion: Bool = false

    /// Full-scale ranges; readings clip there as a real sensor's do. Defaults 8 g, 2000 deg/s,
    /// 4900 uT, 60 kPa.
    public var accelRangeG: Double = 8
    public var gyroRangeDPS: Double = 2000
    public var magRangeMicrotesla: Double = 4900
    public var pressureRangePa: Double = 60_000
    /// Cushion cell white noise, Pa RMS. Default 20 Pa.
    public var pressureNoise: Double = 20

    /// Whether a seat cushion is present. nil: the scenario's default (`hasCushionByDefault`).
    public var cushion: Bool? = nil
    /// Cell positions in mm from the seat centre (x forward, y left); default `CushionModel.standardLayout`.
    public var cellLayout: [DeviceInfo.Cell] = CushionModel.standardLayout

    /// Steps per second while walking. Default 1.9 (cadence 114 steps/min).
    public var stepRateHz: Double = 1.9

    /// Length of the run in simulated seconds; nil: the scenario's natural length. Longer runs
    /// continue as `continuation` says; `.infinity` never ends.
    public var duration: Double? = nil
    /// How to continue past the natural length. Default `.loop`.
    public var continuation: ScenarioContinuation = .loop

    public init() {}
}
