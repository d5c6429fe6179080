import GluteAlerts
import GluteCore
import GluteDevices
import GluteLiveView
import GluteLog

/// Draws the live view on a terminal a few times a second.
public final class LiveViewSink: SessionSink {
    private let screen: TerminalScreen
    private let capabilities: TerminalCapabilities
    private var state: LiveViewState
    private let quietHours: QuietHours?

    public init(screen: TerminalScreen, capabilities: TerminalCapabilities, settings: PipelineSettings,
                source: String, speed: Double?, quietHours: QuietHours?, wallNow: Double) {
        self.screen = screen
        self.capabilities = capabilities
        self.quietHours = quietHours
        state = LiveViewState(source: source, snapshot: Pipeline(settings: settings).snapshot,
                              tiltLimit: settings.tilt.limit, sitLimit: settings.sitting.limit,
                              dropLimit: settings.drop.limit, wallNow: wallNow, speed: speed,
                              utcOffset: LocalTime.utcOffset(at: wallNow))
        screen.enter()
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        state.record(event)
    }

    public func tick(_ status: SessionStatus) {
        update(status)
        let size = screen.size
        screen.draw(LiveViewRenderer.render(state, width: size.width, height: size.height,
                                            color: capabilities.color, unicode: capabilities.unicode))
    }

    public func finish(_ status: SessionStatus) {
        tick(status)
        screen.leave()
    }

    private func update(_ status: SessionStatus) {
        state.snapshot = status.snapshot
        state.statistics = status.statistics
        state.link = status.link
        state.wallNow = status.wallNow
        state.message = status.message
        state.alertsMuted = quietHours?.contains(wall: status.wallNow) ?? false
    }
}
