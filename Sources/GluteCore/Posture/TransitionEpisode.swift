import GluteWire

/// One bout of movement between quiet stretches, summarised by two independent cues to its
/// direction:
/// - the order of its vertical acceleration extremes: sitting down accelerates the hips downward
///   first and brakes on the seat (minimum before maximum); standing up accelerates upward first
///   (maximum before minimum);
/// - where the pelvis went: standing up brings it back to its upright orientation, sitting down
///   takes it away (a seated pelvis rolls back or leans forward, and a belt sensor follows it).
struct TransitionEpisode: Sendable {
    var start: Double
    var lastActive: Double
    var startUp: Vector3
    /// Angle from the upright neutral when the movement began, degrees (nil before calibration).
    var startAngle: Double?
    var maxVertical = -Double.infinity
    var maxTime = 0.0
    var minVertical = Double.infinity
    var minTime = 0.0
    var maxTurn = 0.0
    /// Began while lying: getting up from lying is not a sit/stand transition.
    var fromLying: Bool

    init(start: Double, up: Vector3, angle: Double?, fromLying: Bool) {
        self.start = start
        self.fromLying = fromLying
        self.lastActive = start
        self.startUp = up
        self.startAngle = angle
    }

    mutating func update(time: Double, vertical: Double, up: Vector3, active: Bool) {
        if active { lastActive = time }
        if vertical > maxVertical { maxVertical = vertical; maxTime = time }
        if vertical < minVertical { minVertical = vertical; minTime = time }
        maxTurn = max(maxTurn, angleBetween(up, startUp))
    }

    var swing: Double { maxVertical - minVertical }

    /// Whether the movement was large enough to be a sit/stand transition at all.
    func isTransition(swingLimit: Double, turnLimit: Double) -> Bool {
        !fromLying && swing >= swingLimit && maxTurn >= turnLimit
    }

    /// The direction from the acceleration extremes alone.
    var extremesKind: PostureTransition.Kind { minTime < maxTime ? .standToSit : .sitToStand }

    /// The direction: where the pelvis went when that is clear (it moved at least `decisiveAngle`
    /// toward or away from upright), else the order of the acceleration extremes.
    func kind(endAngle: Double?, decisiveAngle: Double) -> PostureTransition.Kind {
        if let startAngle, let endAngle {
            let moved = endAngle - startAngle
            if moved >= decisiveAngle { return .standToSit }
            if moved <= -decisiveAngle { return .sitToStand }
        }
        return extremesKind
    }
}
