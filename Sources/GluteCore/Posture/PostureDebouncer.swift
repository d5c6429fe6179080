/// Applies the minimum posture duration: a raw posture is confirmed once it has lasted
/// `minDuration` since it began; shorter episodes never appear. The first posture is confirmed at
/// once (it comes from a calibration stretch).
struct PostureDebouncer: Sendable {
    let minDuration: Double
    private(set) var confirmed: Posture?
    private(set) var confirmedSince = 0.0
    private var candidate: Posture?
    private var candidateSince = 0.0

    init(minDuration: Double) {
        self.minDuration = minDuration
    }

    /// Feeds the raw posture and when it began; returns the confirmed change, if one happens now.
    mutating func update(raw: Posture, rawSince: Double, time: Double) -> (posture: Posture, since: Double, previous: Posture?)? {
        guard let current = confirmed else {
            confirmed = raw
            confirmedSince = rawSince
            return (raw, rawSince, nil)
        }
        if raw == current {
            candidate = nil
            return nil
        }
        if raw != candidate {
            candidate = raw
            candidateSince = max(rawSince, confirmedSince)
        }
        guard time - candidateSince >= minDuration else { return nil }
        confirmed = raw
        confirmedSince = candidateSince
        candidate = nil
        return (raw, confirmedSince, current)
    }
}
