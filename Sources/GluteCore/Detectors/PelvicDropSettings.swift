/// Pelvic drop detection in single-leg stance (`--drop-limit`).
public struct PelvicDropSettings: Sendable, Equatable {
    /// Obliquity beyond this (either side) is a drop, degrees. Default 7 degrees.
    public var limit: Double
    /// The drop ends when the obliquity is back below `limit - hysteresis`. Default 1.5 degrees.
    public var hysteresis: Double
    /// A drop must be held at least this long, s: a single-leg stance is held, whereas walking
    /// rocks the pelvis from side to side every step (about 0.25 s per side). Default 0.5 s.
    public var minDuration: Double
    /// Single-leg stance is still-ish: a drop counts only if the step energy (RMS vertical
    /// acceleration over about a second, g) stays below this until the drop has lasted
    /// `minDuration`. Walking, turns included, is at 0.2 g and more. Default 0.05 g.
    public var maxStepEnergy: Double

    public init(limit: Double = 7, hysteresis: Double = 1.5, minDuration: Double = 0.5, maxStepEnergy: Double = 0.05) {
        self.limit = limit
        self.hysteresis = hysteresis
        self.minDuration = minDuration
        self.maxStepEnergy = maxStepEnergy
    }
}
