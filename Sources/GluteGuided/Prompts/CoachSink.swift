import GluteCore
import GluteDevices
import GluteLog
import GluteSession

/// The coach's state handed back from the sink thread once the session has ended.
public final class CoachOutcome: @unchecked Sendable {
    // Safe: written only by the sink thread in `finish`, read only after `run` returned, which
    // joins the sink thread first.
    public var script: CoachScript?
    public var logErrors: Int?

    public init() {}
}

/// Drives the coach's script from the session's events and ticks; logs the exercise events.
public final class CoachSink: SessionSink {
    private var script: CoachScript
    private let printer: EventPrinter
    private let session: LiveSession
    private let terminal: Bool
    private let outcome: CoachOutcome
    private let line = StatusLine()

    public init(script: CoachScript, printer: EventPrinter, session: LiveSession, terminal: Bool, outcome: CoachOutcome) {
        self.script = script
        self.printer = printer
        self.session = session
        self.terminal = terminal
        self.outcome = outcome
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        switch event.event.kind {
        case .exerciseRep, .exerciseSet:
            printer.print(event)
            // The hold's result goes to stdout; the prompts to stderr.
            script.handle(event.event) { line in line.hasPrefix("Rep ") ? result(line) : say(line) }
            if script.done { session.requestStop() }
        default: line.sayLinkChange(event.event)
        }
    }

    public func tick(_ status: SessionStatus) {
        guard status.lastSampleTime != nil else { return }
        script.update(time: status.snapshot.time, calibrated: CoachScript.ready(status.snapshot), tilt: status.snapshot.tilt) { say($0) }
        guard terminal, !script.done else { return }
        line.show(script.countdown)
    }

    public func finish(_ status: SessionStatus) {
        line.clear()
        try? printer.close()
        outcome.script = script
        outcome.logErrors = printer.logErrors
    }

    private func say(_ text: String) { line.say(text) }

    private func result(_ text: String) {
        line.clear()
        try? StandardStreams.writeAll(Array((text + "\n").utf8), to: StandardStreams.output)
    }
}
