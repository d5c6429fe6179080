/// Pelvic drop (Trendelenburg sign) in single-leg stance: the pelvis drops on the side of the
/// lifted leg, so the stance leg is the opposite side. An episode starts when |obliquity| exceeds
/// the limit and ends when it is back below `limit - hysteresis` (or the stance ends); at its end
/// `pelvic_drop` reports the side that dropped and the peak angle, if it was held `minDuration`
/// with the step energy below `maxStepEnergy` all that time. Walking tilts the pelvis from side to
/// side every step, and in turns the sideways pull adds to it; those swings are brief and come with
/// step energy, a single-leg stance is held nearly still.
///
/// The obliquity it is fed comes from the accelerometer alone, low-passed with time constant
/// `accelerometerTau`: in a held stance the specific force is gravity, and a gyroscope bias cannot
/// lean it the way it leans an orientation filter (a filter with gain 0.5 /s settles
/// bias / gain off: 1 deg/s of bias would be 2 deg).
public struct PelvicDropDetector: Sendable {
    /// Time constant of the accelerometer low-pass that measures the stance, s: long enough to
    /// average out sway and sensor noise, short against the 0.5 s a drop must be held.
    public static let accelerometerTau = 0.2
    public let settings: PelvicDropSettings
    private var start: Double?
    private var side = Side.unknown
    private var peak = 0.0

    public init(settings: PelvicDropSettings) {
        self.settings = settings
    }

    /// Feeds the obliquity (degrees, left side down positive), or nil outside standing, and the
    /// step energy (RMS vertical acceleration, g; 0 when unknown).
    public mutating func update(time: Double, obliquity: Double?, stepEnergy: Double = 0, emit: (Event) -> Void) {
        guard let obliquity else {
            end(time: time, emit: emit)
            return
        }
        let magnitude = abs(obliquity)
        let dropped: Side = obliquity > 0 ? .left : .right
        let still = stepEnergy <= settings.maxStepEnergy
        if let begun = start {
            if !still && time - begun < settings.minDuration {
                // Moving before the drop was held: a step, not a stance.
                start = nil
            } else if magnitude < settings.limit - settings.hysteresis || dropped != side {
                end(time: time, emit: emit)
            } else {
                peak = max(peak, magnitude)
                return
            }
        }
        if magnitude > settings.limit && still {
            start = time
            side = dropped
            peak = magnitude
        }
    }

    private mutating func end(time: Double, emit: (Event) -> Void) {
        guard let begun = start else { return }
        start = nil
        guard time - begun >= settings.minDuration else { return }
        let stance: Side = side == .left ? .right : .left
        emit(Event(time: time, kind: .pelvicDrop(side: side, angle: peak, threshold: settings.limit, stance: stance)))
    }

    public mutating func finish(time: Double, emit: (Event) -> Void) {
        end(time: time, emit: emit)
    }
}
