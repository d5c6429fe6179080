/// How the automatic neutral is found.
public struct CalibrationSettings: Sendable, Equatable {
    /// Seconds of quiet, upright stillness that make the automatic neutral. Default 3 s.
    public var quietDuration: Double
    /// Largest angle between the measured up direction and the mount's up axis for a stretch to
    /// count as upright, degrees. `nil` accepts any orientation: for sensors whose mounting is not
    /// known, the first quiet stretch is taken as upright. Default 45 degrees.
    public var uprightTolerance: Double?

    public init(quietDuration: Double = 3, uprightTolerance: Double? = 45) {
        self.quietDuration = quietDuration
        self.uprightTolerance = uprightTolerance
    }
}
