import GluteCore
import GluteLiveView
import GluteLog
import GluteWire

/// What the sinks know of a live session besides its events: for the live view and the summary.
public struct SessionStatus: Sendable {
    public var source: String
    public var link: LinkStatus
    public var snapshot: PipelineSnapshot
    public var statistics: DecoderStatistics
    public var lastSampleTime: Double?
    public var wallNow: Double
    /// Events the queue dropped because the sinks fell behind, in total.
    public var droppedEvents: Int
    public var message: String?
    /// The sensor's battery level, percent, when it reports one (a BLE Battery Service).
    public var batteryLevel: Int?

    /// For a session run outside `LiveSession` (`replay --mqtt` drives an `MQTTSink` with it).
    public init(source: String, link: LinkStatus, snapshot: PipelineSnapshot, statistics: DecoderStatistics,
                lastSampleTime: Double?, wallNow: Double, droppedEvents: Int, message: String?, batteryLevel: Int? = nil) {
        self.batteryLevel = batteryLevel
        self.source = source
        self.link = link
        self.snapshot = snapshot
        self.statistics = statistics
        self.lastSampleTime = lastSampleTime
        self.wallNow = wallNow
        self.droppedEvents = droppedEvents
        self.message = message
    }
}

/// Something that consumes a session's events on the sink thread: the printer, the alerts, the
/// live view, `--exit-on`. Called one at a time, on one thread.
public protocol SessionSink: AnyObject {
    func handle(_ event: TimedEvent, status: SessionStatus)
    /// A few times a second while the session runs (for redraws); `status` is current.
    func tick(_ status: SessionStatus)
    /// Once, at the end, after the last event.
    func finish(_ status: SessionStatus)
}

extension SessionSink {
    public func tick(_ status: SessionStatus) {}
    public func finish(_ status: SessionStatus) {}
}
