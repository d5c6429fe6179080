import GluteLog

/// Prints each event through an `EventPrinter`.
public final class PrinterSink: SessionSink {
    private let printer: EventPrinter
    public init(_ printer: EventPrinter) { self.printer = printer }
    public func handle(_ event: TimedEvent, status: SessionStatus) { printer.print(event) }
    public func finish(_ status: SessionStatus) { try? printer.close() }
}

/// Ends the session after the first event of one of `types` (`--exit-on`).
public final class ExitOnSink: SessionSink {
    private let types: Set<String>
    private let session: LiveSession
    public private(set) var matched = false

    public init(types: Set<String>, session: LiveSession) {
        self.types = types
        self.session = session
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        guard !matched, types.contains(event.event.type) else { return }
        matched = true
        session.requestStop()
    }
}

/// Accumulates the session's totals; `onFinish` receives them at the end.
public final class SummarySink: SessionSink {
    public private(set) var summary = SessionSummary()
    private var droppedReported = 0
    private let onFinish: (SessionSummary, SessionStatus) -> Void
    private let report: (String) -> Void

    public init(report: @escaping (String) -> Void, onFinish: @escaping (SessionSummary, SessionStatus) -> Void) {
        self.report = report
        self.onFinish = onFinish
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        summary.observe(event.event)
        noteDrops(status)
    }

    public func tick(_ status: SessionStatus) { noteDrops(status) }

    public func finish(_ status: SessionStatus) {
        noteDrops(status)
        summary.finish(at: status.lastSampleTime)
        onFinish(summary, status)
    }

    private func noteDrops(_ status: SessionStatus) {
        guard status.droppedEvents > droppedReported else { return }
        report("event queue overflow: \(status.droppedEvents - droppedReported) events were not shown (output too slow); a capture made with `record` still holds every byte")
        droppedReported = status.droppedEvents
    }
}
