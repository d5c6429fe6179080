import GluteWire

/// The user's own sitting angles (degrees from the upright neutral):
/// - `learned`: from the quiet time of sitting bouts that lasted the minimum posture duration, a
///   running mean over the last `memory` seconds of it, so that a person who sits nearly upright
///   is judged against their own seat rather than a fixed angle; `learnedUp` is the mean up
///   direction over the same time, which says which way the seated pelvis leans (a standing
///   pelvis tipped as far the other way is not sitting);
/// - `bout`: the angle the current sitting bout settled into, the mean over its quiet time from
///   `settle` to `settle + window` seconds after the classifier entered it, then held for the
///   rest of the bout.
struct SittingReference: Sendable, Equatable {
    var memory: Double = 60
    var settle: Double = 2
    var window: Double = 5
    private(set) var learned: Double?
    private(set) var learnedUp: Vector3?
    private var learnedWeight = 0.0
    private var boutSum = 0.0
    private var boutWeight = 0.0
    private var boutStart = -Double.infinity

    /// The current bout's settled angle, once it has been measured.
    var bout: Double? { boutWeight >= window / 2 ? boutSum / boutWeight : nil }

    /// Feeds one quiet sitting sample lasting `dt`, of a bout entered at `boutStart`; `confirmed`
    /// once the bout has lasted the minimum posture duration.
    mutating func update(angle: Double, up: Vector3, time: Double, boutStart start: Double, dt: Double, confirmed: Bool) {
        guard dt > 0 else { return }
        if start != boutStart {
            boutStart = start
            boutSum = 0
            boutWeight = 0
        }
        let into = time - start
        if into >= settle && into < settle + window {
            boutSum += angle * dt
            boutWeight += dt
        }
        if confirmed {
            learnedWeight = min(learnedWeight + dt, memory)
            let w = dt / learnedWeight
            let current = learned ?? angle
            learned = current + (angle - current) * w
            let currentUp = learnedUp ?? up
            learnedUp = currentUp + (up - currentUp) * w
        }
    }
}
