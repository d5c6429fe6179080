import GluteLog

/// What the dispatcher decided about one event.
public enum AlertVerdict: Sendable, Equatable {
    /// The event alerts.
    case deliver
    /// Its type is not in `--alert-on`.
    case notSelected
    /// The same type alerted less than `--alert-interval` ago (wall time).
    case rateLimited
    /// It happened in the quiet hours.
    case quietHours
}

/// The decision part of alerting, without side effects: type filter, per-type rate limit by the
/// event's wall time, quiet hours by its local time of day. An event held back by the quiet hours
/// does not count for the rate limit, so the first one after the quiet hours alerts.
package struct AlertGate {
    package let types: Set<String>
    package let minInterval: Double
    package let quietHours: QuietHours?
    package let localMinuteOfDay: @Sendable (Double) -> Int
    private var lastDelivered: [String: Double] = [:]

    package init(types: Set<String>, minInterval: Double, quietHours: QuietHours?, localMinuteOfDay: @escaping @Sendable (Double) -> Int) {
        self.types = types
        self.minInterval = minInterval
        self.quietHours = quietHours
        self.localMinuteOfDay = localMinuteOfDay
    }

    package mutating func judge(_ timed: TimedEvent) -> AlertVerdict {
        let type = timed.event.type
        guard types.contains(type) else { return .notSelected }
        // A wall clock that stepped backwards (replay of an older capture, NTP) restarts the window.
        if let last = lastDelivered[type], timed.wall >= last, timed.wall - last < minInterval { return .rateLimited }
        if let quietHours, quietHours.contains(minuteOfDay: localMinuteOfDay(timed.wall)) { return .quietHours }
        lastDelivered[type] = timed.wall
        return .deliver
    }
}
