import GluteLog
import GluteSession

/// What a guided verb says while it runs: the prompts due by now (each said once, on a line of
/// its own) and the status line a terminal shows under them.
public protocol GuidedPrompter: AnyObject {
    /// Prompts that became due since the last call.
    func duePrompts() -> [String]
    /// The status line, rewritten in place on a terminal; nil shows none.
    func statusLine() -> String?
    /// Lines said once the session has ended, after the status line was cleared.
    func closingLines() -> [String]
}

extension GuidedPrompter {
    public func closingLines() -> [String] { [] }
}

/// The one prompt sink of the guided verbs (`calibrate`, `check`): the prompter's lines and
/// status line on standard error, `\r`-updated on a terminal, one line per prompt otherwise; and
/// the sensor's link changes.
public final class PromptSink: SessionSink {
    private let prompter: any GuidedPrompter
    private let terminal: Bool
    private let line = StatusLine()

    public init(_ prompter: any GuidedPrompter, terminal: Bool) {
        self.prompter = prompter
        self.terminal = terminal
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        line.sayLinkChange(event.event)
    }

    public func tick(_ status: SessionStatus) {
        for prompt in prompter.duePrompts() { line.say(prompt) }
        guard terminal, let text = prompter.statusLine() else { return }
        line.show(text)
    }

    public func finish(_ status: SessionStatus) {
        tick(status)
        line.clear()
        for text in prompter.closingLines() { line.say(text) }
    }
}
