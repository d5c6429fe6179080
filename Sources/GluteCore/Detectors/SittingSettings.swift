/// Prolonged sitting alerting (`--sit-limit`, `--break-min`, `--repeat`).
public struct SittingSettings: Sendable, Equatable {
    /// Sitting this long without a break fires `sitting.prolonged`, s. Default 1800 s (30 min).
    public var limit: Double
    /// Upright (standing or walking) for at least this long is a break that ends the bout, s.
    /// Default 60 s.
    public var breakMin: Double
    /// While the bout lasts, `sitting.prolonged` fires again every this many seconds. Default 1800 s.
    public var repeatInterval: Double

    public init(limit: Double = 1800, breakMin: Double = 60, repeatInterval: Double = 1800) {
        self.limit = limit
        self.breakMin = breakMin
        self.repeatInterval = repeatInterval
    }
}
