import GluteCore
import GluteDevices
import GluteLog

/// A status line on standard error that is rewritten in place (`\r`), with messages printed above
/// it: the countdowns of `calibrate`, `check` and `coach`.
public final class StatusLine {
    public init() {}

    private var shown = false

    /// A message on its own line; the status line is cleared first.
    public func say(_ text: String) {
        clear()
        try? StandardStreams.writeAll(Array((text + "\n").utf8), to: StandardStreams.error)
    }

    /// Replaces the status line.
    public func show(_ text: String) {
        try? StandardStreams.writeAll(Array(("\r\u{1B}[K" + text).utf8), to: StandardStreams.error)
        shown = true
    }

    public func clear() {
        if shown { try? StandardStreams.writeAll(Array("\r\u{1B}[K".utf8), to: StandardStreams.error) }
        shown = false
    }

    /// Tells the person when the sensor connects or goes away (device text escaped); true when
    /// `event` was such a link event.
    @discardableResult
    public func sayLinkChange(_ event: Event) -> Bool {
        switch event.kind {
        case .linkConnected(let device): say("connected to \(TerminalText.escaped(device))")
        case .linkDisconnected(let reason): say("sensor disconnected: \(TerminalText.escaped(reason))")
        default: return false
        }
        return true
    }
}
