/// The confirmed posture over time, rebuilt from `posture` events: each posture holds from its
/// `since` until the next one's `since`. Before the first event the posture is unknown.
public struct PostureTimeline: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var time: Double
        public var posture: Posture
        public var previous: Posture?
    }

    /// The changes in time order.
    public private(set) var changes: [Change]

    /// Collects the `posture` events among `events` (others are ignored).
    public init(events: [Event]) {
        var changes: [Change] = []
        for event in events {
            if case let .posture(posture, since, previous) = event.kind {
                changes.append(Change(time: since, posture: posture, previous: previous))
            }
        }
        self.changes = changes.sorted { $0.time < $1.time }
    }

    /// The posture at `time`, nil when unknown.
    public func posture(at time: Double) -> Posture? {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : changes[low - 1].posture
    }

    /// Seconds within `start...end` for which `predicate` holds of the posture (nil = unknown).
    public func duration(from start: Double, to end: Double, where predicate: (Posture?) -> Bool) -> Double {
        guard end > start else { return 0 }
        var total = 0.0
        var cursor = start
        var current = posture(at: start)
        for change in changes where change.time > start && change.time < end {
            if predicate(current) { total += change.time - cursor }
            cursor = change.time
            current = change.posture
        }
        if predicate(current) { total += end - cursor }
        return total
    }
}
