/// Pelvic drop (Trendelenburg sign): while standing or walking, the pelvis drops on the side of the
/// lifted leg, so the stance leg is the opposite side. An episode starts when |obliquity| exceeds
/// the limit and ends when it is back below `limit - hysteresis` (or the stance ends); at its end
/// `pelvic_drop` reports the side that dropped and the peak angle, if it lasted `minDuration`.
public struct PelvicDropDetector: Sendable {
    public let settings: PelvicDropSettings
    private var start: Double?
    private var side = Side.unknown
    private var peak = 0.0

    public init(settings: PelvicDropSettings) {
        self.settings = settings
    }

    /// Feeds the obliquity (degrees, left side down positive), or nil outside upright stance.
    public mutating func update(time: Double, obliquity: Double?, emit: (Event) -> Void) {
        guard let obliquity else {
            end(time: time, emit: emit)
            return
        }
        let magnitude = abs(obliquity)
        let dropped: Side = obliquity > 0 ? .left : .right
        if start != nil {
            if magnitude < settings.limit - settings.hysteresis || dropped != side {
                end(time: time, emit: emit)
            } else {
                peak = max(peak, magnitude)
                return
            }
        }
        if magnitude > settings.limit {
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
