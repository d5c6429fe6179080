import Foundation
import GluteCore
import GluteDevices
import GluteWire

/// A JSONL event log (`EventFormat.jsonl`) read back into events: the inverse of the encoder, for
/// the report.
public struct EventLog: Sendable {
    public var label: String
    public var events: [Event]
    /// The file it was read from, for messages (`label` is the source it logged).
    public var path = ""
    /// Wall time minus stream time, from the lines' `time` fields (nil when none had one).
    public var wallOffset: Double?
    /// The latest stream time of any line, events or not: a daily log's `session.end` line says
    /// where the stream stopped (so an open bout ends there, as in `replay --summary`).
    public var lastTime: Double?

    /// The log at `path`, or nil when the file is not an event log (its first line is no JSON
    /// session line with a schema).
    public static func read(_ path: String) throws(InputError) -> EventLog? {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096), sessionLine(head) != nil else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw InputError("\(path): \(error.localizedDescription)") }
        return try parse(data, path: path)
    }

    /// The log in `data` (`path` names it in messages), or nil when it is not an event log. A line
    /// that is not a JSON object, a number out of its field's range, or a `time` text that
    /// `EventLogTimeText` refuses is an error naming PATH:LINE (the fuzz target `event_log` feeds
    /// this).
    public static func parse(_ data: Data, path: String) throws(InputError) -> EventLog? {
        guard let session = sessionLine(data.prefix(4096)) else { return nil }
        var log = EventLog(label: (session["source"] as? String) ?? path, events: [], path: path, wallOffset: nil)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            number += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw InputError("\(path):\(number): not a JSON object")
            }
            guard let t = object["t"] as? Double else { continue }
            for (field, value) in object.sorted(by: { $0.key < $1.key }) {
                if let v = value as? Double, let problem = EventLogFieldRange.problem(field: field, value: v) {
                    throw InputError("\(path):\(number): \(problem)")
                }
            }
            if let text = object["time"] as? String, let problem = EventLogTimeText.problem(text) {
                throw InputError("\(path):\(number): \(problem)")
            }
            log.lastTime = max(log.lastTime ?? t, t)
            if let held = continuedPosture(object) { log.events.append(Event(time: t, kind: .posture(held, since: t, previous: nil))) }
            if log.wallOffset == nil, let text = object["time"] as? String, let date = iso.date(from: text) {
                log.wallOffset = date.timeIntervalSince1970 - t
            }
            if let event = event(object, time: t) { log.events.append(event) }
        }
        return log
    }

    /// The session line that opens an event log (a JSON object with a schema), or nil.
    static func sessionLine(_ head: Data) -> [String: Any]? {
        guard let firstByte = head.first(where: { !$0.isWhitespace }), firstByte == UInt8(ascii: "{") else { return nil }
        let firstLine = head.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first ?? head[...]
        guard let session = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any],
              session["schema"] != nil else { return nil }
        return session
    }

    /// The posture a daily log's file begun at midnight says was held then (its session line has
    /// `"continues":true`): the day's part of a bout that began the day before starts at midnight.
    static func continuedPosture(_ o: [String: Any]) -> Posture? {
        guard o["type"] as? String == "session", o["continues"] as? Bool == true, let name = o["posture"] as? String else { return nil }
        return Posture(rawValue: name)
    }

    /// The event a JSONL line describes; nil for types the report does not know (session lines,
    /// summaries, types from a newer schema).
    public static func event(_ o: [String: Any], time t: Double) -> Event? {
        func num(_ k: String) -> Double { (o[k] as? Double) ?? 0 }
        func int(_ k: String) -> Int { (o[k] as? Int) ?? Int(checked: num(k)) ?? 0 }
        func str(_ k: String) -> String { (o[k] as? String) ?? "" }
        func side(_ k: String) -> Side { Side(rawValue: str(k)) ?? .unknown }
        let kind: EventKind
        switch o["type"] as? String {
        case "posture":
            guard let posture = Posture(rawValue: str("posture")) else { return nil }
            kind = .posture(posture, since: num("since"), previous: Posture(rawValue: str("previous")))
        case "sitting.prolonged": kind = .sittingProlonged(since: num("since"), duration: num("duration_s"), limit: num("limit_s"))
        case "sitting.break": kind = .sittingBreak(bout: num("bout_s"), breakLength: num("break_s"))
        case "tilt.anterior.start": kind = .tiltAnteriorStart(angle: num("angle"), threshold: num("threshold"), delay: num("delay_s"))
        case "tilt.anterior.end": kind = .tiltAnteriorEnd(peak: num("peak"), threshold: num("threshold"), duration: num("duration_s"))
        case "squeeze":
            kind = .squeeze(start: num("start"), duration: num("duration_s"), side: side("side"), strength: num("strength"),
                            source: SensorSource(rawValue: str("source")) ?? .imu)
        case "pelvic_drop": kind = .pelvicDrop(side: side("side"), angle: num("angle"), threshold: num("threshold"), stance: side("stance"))
        case "exercise.rep": kind = .exerciseRep(rep: int("rep"), hold: num("hold_s"), target: num("target_s"), short: (o["short"] as? Bool) ?? false)
        case "exercise.set":
            kind = .exerciseSet(reps: int("reps"), targetReps: int("target_reps"), shortReps: int("short_reps"), meanHold: num("mean_hold_s"))
        case "link.connected": kind = .linkConnected(device: str("device"))
        case "link.disconnected": kind = .linkDisconnected(reason: str("reason"))
        case "link.gap": kind = .linkGap(duration: num("duration_s"), lostFrames: int("lost_frames"))
        default: return nil
        }
        return Event(time: t, kind: kind)
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
