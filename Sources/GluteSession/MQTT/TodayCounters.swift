import GluteCore
import GluteLog

/// "Sitting today" and "squeezes today" for the MQTT state: counted from local midnight, not from
/// the session start, so a dashboard's daily figures are right for a service that runs for days.
/// Durations are in stream time (a simulator at --speed 60 sits an hour a minute); the day is the
/// local day of the wall clock, and a bout that spans midnight counts from midnight on the new
/// day. Pure: the time zone rule comes in as `utcOffset` (seconds east of UTC at a wall time).
public struct TodayCounters {
    private let utcOffset: @Sendable (Double) -> Int
    private var day: Int?
    /// Local midnight of `day`, in stream time.
    private var dayStart = -Double.infinity
    private var sittingClosed = 0.0
    /// Stream time the current sitting bout began, while sitting.
    private var sittingSince: Double?
    public private(set) var squeezes = 0

    public init(utcOffset: @escaping @Sendable (Double) -> Int) { self.utcOffset = utcOffset }

    public mutating func observe(_ event: TimedEvent) {
        advance(wall: event.wall, streamTime: event.event.time)
        switch event.event.kind {
        case let .posture(posture, since, _):
            if let start = sittingSince { sittingClosed += max(0, since - max(start, dayStart)) }
            sittingSince = posture == .sitting ? since : nil
        case .squeeze:
            squeezes += 1
        default:
            break
        }
    }

    /// Sitting seconds since local midnight, the current bout included, at `wall` / `streamTime`.
    public mutating func sittingSeconds(wall: Double, streamTime: Double) -> Double {
        advance(wall: wall, streamTime: streamTime)
        return sittingClosed + (sittingSince.map { max(0, streamTime - max($0, dayStart)) } ?? 0)
    }

    /// A new local day starts the counts again.
    private mutating func advance(wall: Double, streamTime: Double) {
        let today = LocalDayText.day(wall, utcOffset: utcOffset(wall))
        guard today != day else { return }
        if let day, today < day { return }  // the clock stepped back: keep today's counts
        day = today
        // Midnight as stream time, from how far the wall clock is past it now.
        dayStart = streamTime - (wall - LocalDayText.midnight(ofDay: today, utcOffset: utcOffset))
        sittingClosed = 0
        squeezes = 0
    }
}
