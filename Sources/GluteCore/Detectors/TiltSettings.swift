/// Anterior tilt alerting (`--tilt-limit`, `--tilt-delay`).
public struct TiltSettings: Sendable, Equatable {
    /// Anterior tilt above neutral that counts as tilted, degrees. Default 10 degrees.
    public var limit: Double
    /// How long the tilt must stay above the limit before `tilt.anterior.start`, s. Default 5 s.
    public var delay: Double
    /// The episode ends when the tilt falls below `limit - hysteresis`, degrees. Default 2 degrees.
    public var hysteresis: Double

    public init(limit: Double = 10, delay: Double = 5, hysteresis: Double = 2) {
        self.limit = limit
        self.delay = delay
        self.hysteresis = hysteresis
    }
}
