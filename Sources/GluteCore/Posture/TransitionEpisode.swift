import GluteWire

/// One bout of movement between quiet stretches, summarised as the order and size of its vertical
/// acceleration extremes: sitting down accelerates the hips downward first and brakes on the seat
/// (minimum before maximum); standing up accelerates upward first (maximum before minimum).
struct TransitionEpisode: Sendable {
    var start: Double
    var lastActive: Double
    var startUp: Vector3
    var maxVertical = -Double.infinity
    var maxTime = 0.0
    var minVertical = Double.infinity
    var minTime = 0.0
    var maxTurn = 0.0
    /// Began while lying: getting up from lying is not a sit/stand transition.
    var fromLying: Bool

    init(start: Double, up: Vector3, fromLying: Bool) {
        self.start = start
        self.fromLying = fromLying
        self.lastActive = start
        self.startUp = up
    }

    mutating func update(time: Double, vertical: Double, up: Vector3, active: Bool) {
        if active { lastActive = time }
        if vertical > maxVertical { maxVertical = vertical; maxTime = time }
        if vertical < minVertical { minVertical = vertical; minTime = time }
        maxTurn = max(maxTurn, angleBetween(up, startUp))
    }

    var swing: Double { maxVertical - minVertical }

    /// What the movement was, if it was a sit/stand transition at all.
    func classify(swingLimit: Double, turnLimit: Double) -> PostureTransition.Kind? {
        guard !fromLying && swing >= swingLimit && maxTurn >= turnLimit else { return nil }
        return minTime < maxTime ? .standToSit : .sitToStand
    }
}
