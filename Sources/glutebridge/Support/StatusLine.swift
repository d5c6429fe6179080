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
}
