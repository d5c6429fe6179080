import GluteCore
import GluteLog

/// A status line on standard error that is rewritten in place (`\r`), with messages printed above
/// it: the countdowns of `calibrate`, `check` and `coach`.
final class StatusLine {
    private var shown = false

    /// A message on its own line; the status line is cleared first.
    func say(_ text: String) {
        clear()
        Output.error(text)
    }

    /// Replaces the status line.
    func show(_ text: String) {
        _ = Output.raw(Array(("\r\u{1B}[K" + text).utf8), to: 2)
        shown = true
    }

    func clear() {
        if shown { _ = Output.raw(Array("\r\u{1B}[K".utf8), to: 2) }
        shown = false
    }

    /// Tells the person when the sensor connects or goes away (device text escaped); true when
    /// `event` was such a link event.
    @discardableResult
    func sayLinkChange(_ event: Event) -> Bool {
        switch event.kind {
        case .linkConnected(let device): say("connected to \(TerminalText.escaped(device))")
        case .linkDisconnected(let reason): say("sensor disconnected: \(TerminalText.escaped(reason))")
        default: return false
        }
        return true
    }
}
