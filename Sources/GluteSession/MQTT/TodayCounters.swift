import GluteCore
import GluteLog

/// "Sitting today" and "squeezes today" for the MQTT state: counted from local midnight, not from
/// the session start, so a dashboard's daily figures are right for a service that runs for days.
/// A bout that spans midnight counts from midnight on the new day. Pure: the time zone rule comes
/// in as `utcOffset` (seconds east of UTC at a wall time).
public struct TodayCounters {
    private let utcOffset: @Sendable (Double) -> Int
    private var day: Int?
    private var dayStart = -Double.infinity
    private var sittingClosed = 0.0
    /// Wall time the current sitting bout began, while sitting.
    private var sittingSince: Double?
    public private(set) var squeezes = 0

    public init(utcOffset: @escaping @Sendable (Double) -> Int) { self.utcOffset = utcOffset }

    public mutating func observe(_ event: TimedEvent) {
        advance(to: event.wall)
        switch event.event.kind {
        case let .posture(posture, since, _):
            // `since` is stream time: the same distance before the event in wall time.
            let sinceWall = event.wall - max(0, event.event.time - since)
            if let start = sittingSince { sittingClosed += max(0, sinceWall - max(start, dayStart)) }
            sittingSince = posture == .sitting ? sinceWall : nil
        case .squeeze:
            squeezes += 1
        default:
            break
        }
    }

    /// Sitting seconds since local midnight of `wall`, the current bout included.
    public mutating func sittingSeconds(at wall: Double) -> Double {
        advance(to: wall)
        return sittingClosed + (sittingSince.map { max(0, wall - max($0, dayStart)) } ?? 0)
    }

    /// A new local day starts the counts again.
    public mutating func advance(to wall: Double) {
        let today = LocalDayText.day(wall, utcOffset: utcOffset(wall))
        guard today != day else { return }
        if day != nil, today < day! { return }  // the clock stepped back: keep today's counts
        day = today
        dayStart = LocalDayText.midnight(ofDay: today, utcOffset: utcOffset)
        sittingClosed = 0
        squeezes = 0
    }
}
