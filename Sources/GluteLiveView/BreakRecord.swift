/// The most recent break from sitting, in wall-clock seconds since the epoch.
public struct BreakRecord: Sendable, Equatable {
    /// When the person stood up.
    public var start: Double
    /// When they sat down again; nil while the break goes on.
    public var end: Double?

    public init(start: Double, end: Double? = nil) {
        self.start = start
        self.end = end
    }

    /// The break's length at `now` (growing while it lasts).
    public func length(at now: Double) -> Double {
        max(0, (end ?? now) - start)
    }
}
