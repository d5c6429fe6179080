/// How the automatic neutral is found.
public struct CalibrationSettings: Sendable, Equatable {
    /// Seconds of steady upright standing (or of walking) that make the automatic neutral. Default 3 s.
    public var quietDuration: Double
    /// Largest angle between the measured up direction and the mount's up axis for a stretch to
    /// count as upright, degrees. `nil` accepts any orientation: for sensors whose mounting is not
    /// known, the first quiet stretch is taken as upright. Default 45 degrees.
    public var uprightTolerance: Double?

    /// Walking calibrates only if the up directions over the stretch agree: the length of their
    /// mean (1 = all identical) must reach this. Default 0.99 (a spread of roughly 8 degrees).
    public var walkingCoherence: Double

    /// A standing stretch calibrates while the up direction stays within this of the stretch's mean
    /// direction, degrees. Default 5 degrees: quiet standing sways about 1 degree, and no sit/stand
    /// transition turns the pelvis less than 8.
    public var steadyAngle: Double

    public init(quietDuration: Double = 3, uprightTolerance: Double? = 45, walkingCoherence: Double = 0.99,
                steadyAngle: Double = 5) {
        self.steadyAngle = steadyAngle
        self.quietDuration = quietDuration
        self.uprightTolerance = uprightTolerance
        self.walkingCoherence = walkingCoherence
    }
}
