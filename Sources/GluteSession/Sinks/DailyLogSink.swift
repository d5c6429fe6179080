import GluteDevices
import GluteLog

/// Appends events to the day's file of a `DailyEventLog` (`monitor --output-dir`). A write that
/// fails is counted and reported once, not fatal: the live view and alerts keep running.
public final class DailyLogSink: SessionSink {
    private let log: DailyEventLog
    private let report: (String) -> Void
    public private(set) var errors = 0

    public init(_ log: DailyEventLog, report: @escaping (String) -> Void) {
        self.log = log
        self.report = report
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        do { try log.append(event) } catch { failed(error) }
    }

    public func finish(_ status: SessionStatus) {
        do { try log.finish(lastStreamTime: status.lastSampleTime) } catch { failed(error) }
    }

    private func failed(_ error: FileError) {
        errors += 1
        if errors == 1 { report("event log in \(log.directory): \(error)") }
    }
}
