import GluteCore
import GluteWire

/// What the history needs of one JSONL line of an event log: its type, stream time, wall time
/// (with the zone offset its text carried, if not UTC) and the few fields that carry durations
/// and postures. Read by a small scanner, not a general JSON parser: a year of logs is about
/// 365,000 lines and must read in well under a second.
public struct LogLine: Sendable, Equatable {
    public var type = ""
    public var t: Double?
    /// The `time` field as seconds since the epoch.
    public var wall: Double?
    /// Seconds east of UTC that the `time` text carried ("+02:00"); nil for "Z".
    public var zoneOffset: Int?
    public var since: Double?
    public var duration: Double?
    public var delay: Double?
    /// `break_s` of a `sitting.break`: how long the user had been upright.
    public var breakLength: Double?
    public var posture: Posture?
    public var continues = false
    public var postureSince: Double?

    public init() {}

    /// The line parsed, or nil when it is not one flat JSON object.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> LogLine? {
        var line = LogLine()
        var scanner = FlatJSONScanner(bytes)
        let ok = scanner.scanObject { key, value in
            // Keys compared as bytes: most lines carry fields the history does not read.
            switch key.count {
            case 1 where key[0] == 0x74: line.t = value.number
            case 4 where matches(key, "type"): line.type = value.text ?? ""
            case 4 where matches(key, "time"):
                guard case let .string(raw, false) = value, let (wall, zone) = ISOTimeText.parse(raw) else { return }
                line.wall = wall
                line.zoneOffset = zone
            case 5 where matches(key, "since"): line.since = value.number
            case 7 where matches(key, "delay_s"): line.delay = value.number
            case 7 where matches(key, "break_s"): line.breakLength = value.number
            case 7 where matches(key, "posture"): line.posture = value.text.flatMap(Posture.init(rawValue:))
            case 9 where matches(key, "continues"): if case .bool(let b) = value { line.continues = b }
            case 10 where matches(key, "duration_s"): line.duration = value.number
            case 13 where matches(key, "posture_since"): line.postureSince = value.number
            default: break
            }
        }
        return ok ? line : nil
    }

    /// The first field whose number lies outside `ValueRanges.streamSeconds` (about 1653 to 2286
    /// as a wall time), or nil. Such a line cannot come from this program; placing it in days
    /// would walk millions of them.
    public var fieldOutOfRange: String? {
        let fields: [(String, Double?)] = [("t", t), ("time", wall), ("since", since), ("duration_s", duration),
                                           ("delay_s", delay), ("break_s", breakLength), ("posture_since", postureSince)]
        return fields.first { $0.1.map { !ValueRanges.streamSeconds.contains($0) } ?? false }?.0
    }

    private static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        for k in 0..<key.count where key[k] != name.utf8Start[k] { return false }
        return true
    }
}

/// "2026-03-29T01:30:00.000Z" or "...+02:00": seconds since the epoch, and the offset when the
/// text gives one other than Z.
public enum ISOTimeText {
    public static func parse(_ text: String) -> (Double, Int?)? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Double, Int?)? {
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func num(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let s = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == 0x2E {
            var scale = 0.1
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
        }
        guard i < b.count else { return nil }
        var zone: Int?
        if b[i] == 0x5A, i + 1 == b.count {
            zone = nil
        } else if (b[i] == 0x2B || b[i] == 0x2D), i + 6 == b.count, b[i + 3] == 0x3A, let zh = num(i + 1, 2), let zm = num(i + 4, 2) {
            zone = (b[i] == 0x2D ? -1 : 1) * (zh * 3600 + zm * 60)
        } else {
            return nil
        }
        let days = CivilDate.days(year: y, month: mo, day: d)
        let local = Double(days * 86_400 + h * 3600 + mi * 60 + s) + fraction
        return (local - Double(zone ?? 0), zone)
    }
}
