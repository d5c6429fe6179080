/// Pelvic drop detection in single-leg stance (`--drop-limit`).
public struct PelvicDropSettings: Sendable, Equatable {
    /// Obliquity beyond this (either side) is a drop, degrees. Default 7 degrees.
    public var limit: Double
    /// The drop ends when the obliquity is back below `limit - hysteresis`. Default 1.5 degrees.
    public var hysteresis: Double
    /// Drops shorter than this are ignored, s. Default 0.1 s.
    public var minDuration: Double

    public init(limit: Double = 7, hysteresis: Double = 1.5, minDuration: Double = 0.1) {
        self.limit = limit
        self.hysteresis = hysteresis
        self.minDuration = minDuration
    }
}
