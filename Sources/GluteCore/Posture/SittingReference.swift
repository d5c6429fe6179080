/// The user's own sitting angle (degrees from the upright neutral), learned from the quiet time
/// of sitting bouts that lasted the minimum posture duration, so that a person who sits nearly
/// upright is judged against their own seat rather than a fixed angle.
///
/// A running mean over the last `memory` seconds of quiet, confirmed sitting: one bout is enough,
/// and a later bout in another chair moves it within a minute.
struct SittingReference: Sendable, Equatable {
    var memory: Double = 60
    private(set) var angle: Double?
    private var weight = 0.0

    /// Adds `dt` seconds of quiet sitting at `angle`.
    mutating func learn(angle sample: Double, dt: Double) {
        guard dt > 0 else { return }
        weight = min(weight + dt, memory)
        let current = angle ?? sample
        angle = current + (sample - current) * (dt / weight)
    }
}
