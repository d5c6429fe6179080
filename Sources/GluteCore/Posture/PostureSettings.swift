/// Settings of the posture classifier. Angles in degrees relative to the neutral up direction,
/// accelerations in g, times in seconds.
public struct PostureSettings: Sendable, Equatable {
    /// A new posture is reported only once it has lasted this long (activPAL's convention); shorter
    /// episodes are absorbed by the posture around them. Default 10 s.
    public var minDuration: Double
    /// Tilted further than this from neutral (any direction), quiet, is lying: the pelvis within
    /// 20 degrees of horizontal. A reclined sit (60-65 degrees) stays sitting. Default 70 degrees.
    public var lyingAngle: Double
    /// Lying ends when back within this angle of neutral. Default 55 degrees.
    public var lyingExitAngle: Double
    /// Lying starts and ends only after the angle has stayed beyond its threshold this long. Default 2 s.
    public var lyingHold: Double
    /// Until the user's own sitting angle is known, quiet and upright but further than this from
    /// the upright neutral is sitting, whatever the transitions said (nobody stands that far from
    /// their neutral). Default 25 degrees.
    public var sittingAngle: Double
    /// Once the user's own sitting angle (learned from their sitting bouts) is at least this far
    /// from upright, the quiet angle is judged against it (see `AngleEvidence`); closer, the two
    /// postures read alike and only `sittingAngle` counts. Default 10 degrees.
    public var sittingSeparation: Double
    /// The angle must support the other posture this long, quiet, to change it. Default 5 s.
    public var evidenceHold: Double
    /// A movement that took the pelvis at least this much further from upright is sitting down,
    /// this much closer is standing up, whatever the order of its acceleration peaks. Default 6 degrees.
    public var directionAngle: Double
    /// Motion below this RMS acceleration (high-passed, g) and `quietGyro` counts as quiet.
    /// Default 0.03 g.
    public var quietAccel: Double
    /// Angular rate RMS below which the body is quiet, deg/s. Default 10 deg/s.
    public var quietGyro: Double
    /// A transition episode starts when the smoothed vertical acceleration exceeds this. Default 0.05 g.
    public var activityAccel: Double
    /// ... or when the up direction turns faster than this, deg/s. Default 20 deg/s.
    public var activityRate: Double
    /// The episode ends after this long without activity. Default 0.6 s.
    public var settleTime: Double
    /// Episodes longer than this are not a sit/stand transition. Default 8 s.
    public var maxTransition: Double
    /// A sit-to-stand or stand-to-sit needs a vertical acceleration swing (max - min) of at least
    /// this. Default 0.15 g.
    public var transitionSwing: Double
    /// ... and a pelvis rotation during the episode of at least this. Default 8 degrees.
    public var transitionTilt: Double
    /// A step is a vertical acceleration peak above this. Default 0.1 g.
    public var stepThreshold: Double
    /// Peaks closer than this are one step. Default 0.25 s.
    public var stepMinInterval: Double
    /// Walking needs this many steps within `walkingWindow`. Default 4.
    public var walkingSteps: Int
    /// Default 3 s.
    public var walkingWindow: Double
    /// Walking ends this long after the last step. Default 2 s.
    public var walkingStop: Double
    /// A cushion whose cells sum to at least this is occupied, Pa. Default 4000 Pa.
    public var occupiedLoad: Double
    /// An occupied cushion becomes vacant below this sum, Pa. Default 2000 Pa.
    public var vacantLoad: Double
    /// A cushion that has sent nothing for this long no longer counts, s. Default 2 s.
    public var cushionTimeout: Double

    public init(minDuration: Double = 10, lyingAngle: Double = 70, lyingExitAngle: Double = 55, lyingHold: Double = 2,
                sittingAngle: Double = 25, sittingSeparation: Double = 10, evidenceHold: Double = 5,
                directionAngle: Double = 6, quietAccel: Double = 0.03,
                quietGyro: Double = 10, activityAccel: Double = 0.05, activityRate: Double = 20,
                settleTime: Double = 0.6, maxTransition: Double = 8, transitionSwing: Double = 0.15,
                transitionTilt: Double = 8, stepThreshold: Double = 0.1, stepMinInterval: Double = 0.25,
                walkingSteps: Int = 4, walkingWindow: Double = 3, walkingStop: Double = 2,
                occupiedLoad: Double = 4000, vacantLoad: Double = 2000, cushionTimeout: Double = 2) {
        self.minDuration = minDuration
        self.lyingAngle = lyingAngle
        self.lyingExitAngle = lyingExitAngle
        self.lyingHold = lyingHold
        self.sittingAngle = sittingAngle
        self.sittingSeparation = sittingSeparation
        self.evidenceHold = evidenceHold
        self.directionAngle = directionAngle
        self.quietAccel = quietAccel
        self.quietGyro = quietGyro
        self.activityAccel = activityAccel
        self.activityRate = activityRate
        self.settleTime = settleTime
        self.maxTransition = maxTransition
        self.transitionSwing = transitionSwing
        self.transitionTilt = transitionTilt
        self.stepThreshold = stepThreshold
        self.stepMinInterval = stepMinInterval
        self.walkingSteps = walkingSteps
        self.walkingWindow = walkingWindow
        self.walkingStop = walkingStop
        self.occupiedLoad = occupiedLoad
        self.vacantLoad = vacantLoad
        self.cushionTimeout = cushionTimeout
    }
}
