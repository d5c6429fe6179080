import GluteCore
import GluteDevices
import GluteWire

/// The monitor's event log kept one file per local day (`events-YYYY-MM-DD.jsonl`, 0600) in a
/// directory. At local midnight the day's file gets a `session.end` line and the next day's file
/// starts with a session line of its own (`"continues":true`, with the posture held at midnight),
/// so every file reads alone and a bout across midnight is split there. Days older than
/// `keepDays` are removed whenever a new day starts.
public final class DailyEventLog {
    public let directory: String
    private let source: String
    private let tool: String
    private let keepDays: Int
    /// Seconds east of UTC at a wall-clock time (the host's zone, `LocalTime.utcOffset(at:)`).
    private let utcOffset: (Double) -> Int
    private var file: AppendOnlyFile?
    private var nextMidnight = Double.infinity
    /// Wall time minus stream time, from the latest event (the session line's start until then).
    private var wallMinusStream: Double
    private var posture: Posture?
    private var postureSince = 0.0

    public init(directory: String, source: String, tool: String, startWall: Double, keepDays: Int,
                utcOffset: @escaping (Double) -> Int) throws(FileError) {
        self.directory = directory
        self.source = source
        self.tool = tool
        self.keepDays = keepDays
        self.utcOffset = utcOffset
        wallMinusStream = startWall
        try open(wall: startWall, stream: 0, continues: false)
    }

    /// Appends one event, starting the next day's file first when the event lies past midnight.
    public func append(_ event: TimedEvent) throws(FileError) {
        wallMinusStream = event.wall - event.event.time
        var rotations = 0
        while event.wall >= nextMidnight {
            rotations += 1
            // A clock that jumps ahead (a board without a real-time clock setting its time) must not
            // leave a file for every day in between: after two midnights, the next file starts here.
            let at = rotations > 2 ? event.wall : nextMidnight
            try rotate(wall: at, stream: at - wallMinusStream)
        }
        try file?.append(EventFormat.json(event.event, wallTime: event.wall) + "\n")
        if case let .posture(p, since, _) = event.event.kind {
            posture = p
            postureSince = since
        }
    }

    /// Ends the log at the stream time of the last sample (or the last event).
    public func finish(lastStreamTime: Double?) throws(FileError) {
        guard let file else { return }
        if let stream = lastStreamTime {
            try endLine(wall: stream + wallMinusStream, stream: stream, reason: "stop", to: file)
        }
        self.file = nil
        try file.close()
    }

    private func rotate(wall: Double, stream: Double) throws(FileError) {
        if let file {
            try endLine(wall: wall, stream: stream, reason: "midnight", to: file)
            self.file = nil
            try file.close()
        }
        try open(wall: wall, stream: stream, continues: true)
    }

    private func open(wall: Double, stream: Double, continues: Bool) throws(FileError) {
        let offset = utcOffset(wall)
        let day = LocalDayText.day(wall, utcOffset: offset)
        nextMidnight = LocalDayText.midnight(ofDay: day + 1, utcOffset: utcOffset)
        let file = try AppendOnlyFile(path: directory + "/" + DailyLogFiles.name(date: LocalDayText.date(ofDay: day)), mode: .append)
        var line = "{\"schema\":\(GluteCore.schemaVersion),\"type\":\"session\",\"t\":\(EventFormat.number(stream)),"
            + "\"time\":\"\(LocalClockText.iso8601(wall, utcOffset: offset))\","
            + "\"source\":\(TextFormatting.jsonString(source)),\"tool\":\(TextFormatting.jsonString(tool))"
        if continues {
            line += ",\"continues\":true"
            if let posture { line += ",\"posture\":\"\(posture.rawValue)\",\"posture_since\":\(EventFormat.number(postureSince))" }
        }
        try file.append(line + "}\n")
        self.file = file
        // Whenever a day's file opens, the days past keeping go.
        DailyLogFiles.prune(directory, before: LocalDayText.date(ofDay: day - keepDays + 1))
    }

    private func endLine(wall: Double, stream: Double, reason: String, to file: AppendOnlyFile) throws(FileError) {
        try file.append("{\"type\":\"session.end\",\"t\":\(EventFormat.number(stream)),\"time\":\"\(WallClockText.iso8601(wall))\","
                        + "\"reason\":\"\(reason)\"}\n")
    }
}

/// Local days as numbers (days since 1970-01-01 in local time) and as dates.
public enum LocalDayText {
    public static func day(_ wall: Double, utcOffset: Int) -> Int {
        Int(saturating: (wall + Double(utcOffset)) / 86_400, rounding: .down)
    }

    /// The wall-clock time at which local day `day` begins, under a zone rule (DST included).
    public static func midnight(ofDay day: Int, utcOffset: (Double) -> Int) -> Double {
        let local = Double(day) * 86_400
        let guess = local - Double(utcOffset(local))
        return local - Double(utcOffset(guess))
    }

    /// "YYYY-MM-DD" of a day number.
    public static func date(ofDay day: Int) -> String {
        let (y, m, d) = WallClockText.civil(fromDays: Int64(day))
        return String(y) + (m < 10 ? "-0" : "-") + String(m) + (d < 10 ? "-0" : "-") + String(d)
    }
}
