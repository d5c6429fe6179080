import GluteCore
import GluteWire
import Glibc

/// Everything one frame of the live view shows. A plain value: the session's sink thread keeps
/// one, updates it as events and snapshots arrive, and hands it to `LiveViewRenderer.render`.
public struct LiveViewState: Sendable {
    /// What is being monitored, as the user named it (`/dev/ttyACM0`, `sim:desk`). Shown escaped.
    public var source: String
    public var link: LinkStatus
    public var snapshot: PipelineSnapshot
    /// Recent events, newest last; the renderer shows as many of the newest as fit.
    /// `record(_:keeping:)` appends and trims.
    public var recentEvents: [TimedEvent]
    public var statistics: DecoderStatistics
    /// Anterior tilt limit, degrees above neutral (`TiltSettings.limit`).
    public var tiltLimit: Double
    /// Sitting limit, seconds (`SittingSettings.limit`).
    public var sitLimit: Double
    /// Pelvic drop threshold, degrees of obliquity.
    public var dropLimit: Double
    /// The wall clock now, seconds since the epoch: the header clock and every "ago".
    public var wallNow: Double
    /// Replay or simulation speed factor; shown when set and not 1.
    public var speed: Double?
    /// Alerts are muted (quiet hours); the view says so, so silence is not mistaken for success.
    public var alertsMuted: Bool
    /// One status line from the session, such as "reconnecting in 2 s".
    public var message: String?
    /// Seconds east of UTC for clock times; `localUTCOffset(at:)` gives the host's.
    public var utcOffset: Int
    /// The last break from sitting, kept by `record(_:keeping:)` after its events scroll away.
    public var lastBreak: BreakRecord?
    /// Wall time at which the current anterior tilt episode began (its threshold crossing), kept by
    /// `record(_:keeping:)`; nil outside an episode.
    public var tiltSince: Double?

    /// A state for `source`. The limits are the session's settings (`TiltSettings.limit`,
    /// `SittingSettings.limit`, `PelvicDropSettings.limit`); `utcOffset` defaults to the host's
    /// offset at `wallNow`.
    public init(source: String, link: LinkStatus = .connecting, snapshot: PipelineSnapshot,
                recentEvents: [TimedEvent] = [], statistics: DecoderStatistics = DecoderStatistics(),
                tiltLimit: Double, sitLimit: Double, dropLimit: Double, wallNow: Double,
                speed: Double? = nil, alertsMuted: Bool = false, message: String? = nil,
                utcOffset: Int? = nil, lastBreak: BreakRecord? = nil, tiltSince: Double? = nil) {
        self.source = source
        self.link = link
        self.snapshot = snapshot
        self.recentEvents = recentEvents
        self.statistics = statistics
        self.tiltLimit = tiltLimit
        self.sitLimit = sitLimit
        self.dropLimit = dropLimit
        self.wallNow = wallNow
        self.speed = speed
        self.alertsMuted = alertsMuted
        self.message = message
        self.utcOffset = utcOffset ?? LiveViewState.localUTCOffset(at: wallNow)
        self.lastBreak = lastBreak
        self.tiltSince = tiltSince
    }

    /// Adds an event (newest last), keeping at most `limit` of them, and updates what the view
    /// derives from events: the last break, the start of the current tilt episode, and the link.
    public mutating func record(_ timed: TimedEvent, keeping limit: Int = 64) {
        recentEvents.append(timed)
        if recentEvents.count > limit { recentEvents.removeFirst(recentEvents.count - max(0, limit)) }
        let event = timed.event
        // Events fire some time after what they describe (minimum durations, delays): map the
        // stream-time offset back onto the wall clock.
        func wall(atStreamTime t: Double) -> Double { timed.wall - max(0, event.time - t) }
        switch event.kind {
        case let .sittingBreak(_, breakLength):
            lastBreak = BreakRecord(start: timed.wall - breakLength)
        case let .posture(posture, since, _):
            if !posture.isUpright, var current = lastBreak, current.end == nil {
                current.end = wall(atStreamTime: since)
                lastBreak = current
            }
        case let .tiltAnteriorStart(_, _, delay):
            tiltSince = timed.wall - delay
        case .tiltAnteriorEnd:
            tiltSince = nil
        case let .linkConnected(device):
            link = .connected(device: device)
        case let .linkDisconnected(reason):
            link = .disconnected(reason: reason)
        default:
            break
        }
    }

    /// The host's offset from UTC at `wall` (seconds since the epoch), from the TZ database.
    public static func localUTCOffset(at wall: Double) -> Int {
        guard wall.isFinite else { return 0 }
        tzset()
        var seconds = time_t(saturating: wall, rounding: .down)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}
