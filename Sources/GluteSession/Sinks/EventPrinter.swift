import GluteCore
import GluteDevices
import GluteLog

/// Writes events as text: to standard output in the chosen format, and optionally appended as
/// JSONL to a log file (created 0600; an existing log is appended to, never truncated).
public final class EventPrinter {
    public let format: EventFormat
    private let write: (String) -> Void
    private let log: AppendOnlyFile?
    public private(set) var logErrors = 0
    /// The stream's header line, written with the first line that follows it (or at `close`), so
    /// that a run which fails before its first event leaves nothing on standard output.
    private var pendingHeader: String?

    /// - Parameter write: where formatted lines go (standard output in the CLI).
    public init(format: EventFormat, source: String, wallTime: Double, tool: String,
                logPath: String? = nil, write: @escaping (String) -> Void) throws(FileError) {
        self.format = format
        self.write = write
        if let logPath {
            let file = try AppendOnlyFile(path: logPath, mode: .append)
            if let header = EventFormat.jsonl.header(source: source, wallTime: wallTime, tool: tool) {
                try file.append(header + "\n")
            }
            log = file
        } else {
            log = nil
        }
        pendingHeader = format.header(source: source, wallTime: wallTime, tool: tool)
    }

    private func writeHeader() {
        guard let header = pendingHeader else { return }
        pendingHeader = nil
        write(header)
    }

    public func print(_ event: TimedEvent) {
        writeHeader()
        write(format.line(event.event, wallTime: event.wall))
        guard let log else { return }
        do {
            try log.append(EventFormat.json(event.event, wallTime: event.wall) + "\n")
        } catch {
            logErrors += 1
        }
    }

    /// A line that is not an event (a summary) in the stream, as JSON when the format is JSONL.
    public func printExtra(json: String, text: [String]) {
        writeHeader()
        switch format {
        case .jsonl: write(json)
        case .csv: break
        case .pretty: text.forEach(write)
        }
    }

    public func close() throws(FileError) {
        writeHeader()
        try log?.close()
    }
}
