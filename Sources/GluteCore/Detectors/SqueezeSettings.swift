/// Glute squeeze detection (`--squeeze-min`), from a cushion or from a belt IMU.
public struct SqueezeSettings: Sendable, Equatable {
    /// Holds shorter than this are not squeezes, s. Default 1 s.
    public var minHold: Double
    /// Holds longer than this are a change of posture, not a squeeze, s. Default 30 s.
    public var maxHold: Double
    /// The cushion's cell positions. Default `CushionLayout.standard` (2 x 4).
    public var layout: CushionLayout
    /// Cushion: a squeeze starts when one side's rear (buttock) load rises this fraction above its
    /// resting level. Default 0.08 (8 %).
    public var cushionRise: Double
    /// Cushion: it ends when both sides are back within this fraction. Default 0.04.
    public var cushionRelease: Double
    /// Cushion: a rise of this fraction is strength 1. Default 0.3.
    public var cushionFullScale: Double
    /// Cushion: time constant of the resting level, s. Default 10 s.
    public var cushionBaselineTau: Double
    /// IMU: a squeeze starts when the pelvis tilts posteriorly this many degrees below its recent
    /// level (a quick tuck of the tailbone; slow drifts are followed by the level). Default 3 degrees.
    public var imuTiltDrop: Double
    /// IMU: it ends when the tilt is back within this many degrees of the level. Default 1.5 degrees.
    public var imuRelease: Double
    /// IMU: a posterior tilt of this many degrees is strength 1. Default 10 degrees.
    public var imuFullScale: Double
    /// IMU: time constant of the recent tilt level, s. Default 3 s.
    public var imuBaselineTau: Double
    /// IMU: a squeeze starts only from an upright level: the recent tilt level may lie at most
    /// this many degrees anterior of neutral. Coming back to neutral after an anterior tilt spell
    /// is a quick posterior movement held at its new level, just like a tuck, but it starts from a
    /// tilted level; keeping this below `imuTiltDrop` means no return to neutral can look like a
    /// squeeze. Default 2 degrees.
    public var imuMaxLevel: Double

    public init(minHold: Double = 1, maxHold: Double = 30, layout: CushionLayout = .standard,
                cushionRise: Double = 0.08, cushionRelease: Double = 0.04, cushionFullScale: Double = 0.3,
                cushionBaselineTau: Double = 10, imuTiltDrop: Double = 3, imuRelease: Double = 1.5,
                imuFullScale: Double = 10, imuBaselineTau: Double = 3, imuMaxLevel: Double = 2) {
        self.minHold = minHold
        self.maxHold = maxHold
        self.layout = layout
        self.cushionRise = cushionRise
        self.cushionRelease = cushionRelease
        self.cushionFullScale = cushionFullScale
        self.cushionBaselineTau = cushionBaselineTau
        self.imuTiltDrop = imuTiltDrop
        self.imuRelease = imuRelease
        self.imuFullScale = imuFullScale
        self.imuBaselineTau = imuBaselineTau
        self.imuMaxLevel = imuMaxLevel
    }
}
