import GluteAlerts
import GluteLog

/// Hands every event to the alert dispatcher (bell, notification, commands).
public final class AlertSink: SessionSink {
    private let dispatcher: AlertDispatcher

    public init(_ dispatcher: AlertDispatcher) { self.dispatcher = dispatcher }

    public func handle(_ event: TimedEvent, status: SessionStatus) { dispatcher.handle(event) }
    public func finish(_ status: SessionStatus) { dispatcher.finish() }
}
