import GluteCore
import GluteWire

/// The text forms of events: JSONL (the contract other tools rely on), CSV and a pretty line for
/// people. All three are pure functions of the event and its wall time.
public enum EventFormat: String, Sendable, CaseIterable {
    case jsonl, csv, pretty

    /// The first line of a stream in this format, if any.
    public func header(source: String, wallTime: Double, tool: String) -> String? {
        switch self {
        case .jsonl:
            return "{\"schema\":\(GluteCore.schemaVersion),\"type\":\"session\",\"t\":0,\"time\":\"\(WallClockText.iso8601(wallTime))\","
                + "\"source\":\(TextFormatting.jsonString(source)),\"tool\":\(TextFormatting.jsonString(tool))}"
        case .csv:
            return "t,time,type,details"
        case .pretty:
            return nil
        }
    }

    public func line(_ event: Event, wallTime: Double) -> String {
        switch self {
        case .jsonl: return EventFormat.json(event, wallTime: wallTime)
        case .csv: return EventFormat.csv(event, wallTime: wallTime)
        case .pretty: return EventFormat.pretty(event, wallTime: wallTime)
        }
    }

    public static func json(_ event: Event, wallTime: Double) -> String {
        var out = "{\"type\":\"\(event.type)\",\"t\":\(number(event.time)),\"time\":\"\(WallClockText.iso8601(wallTime))\""
        for (name, value) in event.fields {
            out += ",\"\(name)\":" + json(value)
        }
        return out + "}"
    }

    static func json(_ value: EventValue) -> String {
        switch value {
        case .number(let v): return number(v)
        case .integer(let v): return String(v)
        case .string(let s): return TextFormatting.jsonString(s)
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// Three decimals, trailing zeros dropped: milliseconds and hundredths of a degree are all the
    /// precision these signals carry, and fixed rounding keeps output reproducible.
    public static func number(_ v: Double) -> String {
        var s = TextFormatting.fixed(v, decimals: 3)
        guard s != "null", s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func csv(_ event: Event, wallTime: Double) -> String {
        let details = event.fields.map { "\($0.0)=\(plain($0.1))" }.joined(separator: ";")
        return "\(number(event.time)),\(WallClockText.iso8601(wallTime)),\(event.type),\(csvQuoted(details))"
    }

    static func pretty(_ event: Event, wallTime: Double) -> String {
        let clock = String(WallClockText.iso8601(wallTime).dropFirst(11).prefix(8))
        let details = event.fields.map { "\($0.0)=\(plain($0.1))" }.joined(separator: " ")
        return "\(clock)  t=\(number(event.time))s  \(event.type)  \(details)"
    }

    /// A field value for text meant to be read: control characters escaped so that a device name
    /// with ANSI sequences cannot drive the terminal.
    static func plain(_ value: EventValue) -> String {
        switch value {
        case .string(let s): return TerminalText.escaped(s)
        default: return json(value)
        }
    }

    static func csvQuoted(_ s: String) -> String {
        guard s.contains(",") || s.contains("\"") else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

/// Text from outside (device names, error strings) made safe to print on a terminal.
public enum TerminalText {
    public static func escaped(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
