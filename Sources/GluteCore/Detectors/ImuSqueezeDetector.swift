/// Glute squeezes seen by a belt IMU: squeezing the glutes tucks the tailbone, a quick posterior
/// tilt of a few degrees from a steady upright level that is held, then released. The recent tilt
/// level follows slow changes (time constant `imuBaselineTau`) and freezes during a squeeze; a
/// squeeze starts when the tilt is `imuTiltDrop` below it while the level is upright (at most
/// `imuMaxLevel` anterior of neutral: the return from an anterior tilt spell has the same shape
/// but starts from a tilted level) and ends when back within `imuRelease`. Side is unknown;
/// strength is the peak posterior tilt divided by `imuFullScale`, clipped to 0...1. Only while
/// upright.
public struct ImuSqueezeDetector: Sendable {
    public let settings: SqueezeSettings
    private var level: Double?
    private var lastTime: Double?
    private var weights = SmoothingWeightCache()
    private var start: Double?
    private var peak = 0.0

    public init(settings: SqueezeSettings) {
        self.settings = settings
    }

    public var isHolding: Bool { start != nil }

    /// Feeds the tilt (degrees, anterior positive), or nil when the squeeze cannot be seen
    /// (not calibrated, not upright, walking).
    public mutating func update(time: Double, tilt: Double?) -> SqueezeHold? {
        let dt = lastTime.map { min(max(time - $0, 0), 1) } ?? 0
        lastTime = time
        guard let tilt else {
            level = nil
            start = nil
            return nil
        }
        guard let recent = level else {
            level = tilt
            return nil
        }
        let drop = recent - tilt
        if let begun = start {
            peak = max(peak, drop)
            if time - begun > settings.maxHold {
                start = nil
                level = tilt
            } else if drop < settings.imuRelease {
                start = nil
                if time - begun >= settings.minHold {
                    let strength = min(1, max(0, peak / settings.imuFullScale))
                    return SqueezeHold(start: begun, end: time, side: .unknown, strength: strength, source: .imu)
                }
            }
            return nil
        }
        if drop >= settings.imuTiltDrop && recent <= settings.imuMaxLevel {
            start = time
            peak = drop
            return nil
        }
        level = recent + (tilt - recent) * weights.weight(dt: dt, tau: settings.imuBaselineTau)
        return nil
    }
}
