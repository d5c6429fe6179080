import GluteWire

/// Drives an `AHRS` from a stream of `IMUSample`s, taking time steps from the sample timestamps.
///
/// - The time step is the difference between consecutive timestamps, so jitter is integrated
///   exactly. A sample whose timestamp does not advance is ignored (it would integrate nothing and
///   move the clock backwards).
/// - A gap longer than `maxGap` re-initialises the filter: the sensor may have moved arbitrarily
///   meanwhile, and the initialisation ramp converges again within the startup period. The first
///   sample of the stream and the first sample after a gap only prime the filter (time step 0).
/// - When a sample carries the device's own fused quaternion, that quaternion is reported as is
///   (and gravity and linear acceleration derive from it). The internal filter keeps running, so
///   `ahrs` stays valid if the device stops sending quaternions.
public struct OrientationTracker: Sendable {
    /// Longest time step, in seconds, treated as continuous data.
    public let maxGap: Double
    /// The filter fed with the stream.
    public private(set) var ahrs: AHRS
    /// Timestamp of the last accepted sample, nil before the first.
    public private(set) var lastTime: Double?
    /// Number of times a gap re-initialised the filter.
    public private(set) var gapCount = 0
    /// Number of samples ignored because their timestamp did not advance.
    public private(set) var ignoredSampleCount = 0

    private var deviceQuaternion: Quaternion?
    private var lastAccel: Vector3 = .zero

    public init(settings: AHRSSettings = AHRSSettings(), maxGap: Double = 1.0) {
        self.maxGap = maxGap
        self.ahrs = AHRS(settings: settings)
    }

    /// Feeds one sample.
    public mutating func update(_ sample: IMUSample) {
        var dt = 0.0
        if let last = lastTime {
            dt = sample.time - last
            if !(dt > 0) {
                ignoredSampleCount += 1
                return
            }
            if dt > maxGap {
                ahrs.reset()
                gapCount += 1
                dt = 0
            }
        }
        lastTime = sample.time
        lastAccel = sample.accel
        ahrs.update(gyro: sample.gyro, accel: sample.accel, mag: sample.mag, dt: dt)
        deviceQuaternion = sample.quaternion.map(AHRSMath.normalised)
    }

    /// Sensor -> earth rotation: the device's own when the last sample carried one, else the filter's.
    public var quaternion: Quaternion { deviceQuaternion ?? ahrs.quaternion }

    /// Unit "up" direction in the sensor frame, from `quaternion`.
    public var gravity: Vector3 { AHRSMath.halfUp(quaternion) * 2 }

    /// Last accelerometer reading with `gravity` removed, g, sensor frame.
    public var linearAcceleration: Vector3 { lastAccel - gravity }

    /// Last accelerometer reading in the earth frame with gravity removed, g, NWU.
    public var earthAcceleration: Vector3 {
        AHRSMath.sensorToEarth(quaternion, lastAccel) - Vector3(0, 0, 1)
    }

    /// True when `quaternion` comes from the device rather than the filter.
    public var usesDeviceQuaternion: Bool { deviceQuaternion != nil }
}
