import GluteCore
import GluteLog

/// The environment an alert command sees: the session's own environment without any inherited
/// `GLUTEBRIDGE_*` variables, plus the event's:
/// `GLUTEBRIDGE_EVENT` (type), `GLUTEBRIDGE_T` (stream seconds), `GLUTEBRIDGE_TIME` (ISO-8601 wall
/// time) and `GLUTEBRIDGE_<FIELD>` per event field (upper case; characters other than letters,
/// digits and `_` become `_`). Values are the event's values as text, numbers as in the JSONL line;
/// device-provided text is passed verbatim (only NUL, which no environment can hold, is dropped)
/// and is never part of a command line.
public enum EventEnvironment {
    public static let prefix = "GLUTEBRIDGE_"

    /// The event's variables, in a stable order.
    public static func variables(for timed: TimedEvent) -> [(name: String, value: String)] {
        let event = timed.event
        var variables: [(name: String, value: String)] = [
            (prefix + "EVENT", event.type),
            (prefix + "T", EventFormat.number(event.time)),
            (prefix + "TIME", WallClockText.iso8601(timed.wall)),
        ]
        for (field, value) in event.fields {
            variables.append((variableName(field: field), text(value)))
        }
        return variables
    }

    /// `inherited` (`NAME=value` strings) without `GLUTEBRIDGE_*`, followed by the event's
    /// variables.
    public static func environment(for timed: TimedEvent, inherited: [String]) -> [String] {
        inherited.filter { !$0.hasPrefix(prefix) } + variables(for: timed).map { "\($0.name)=\($0.value)" }
    }

    package static func variableName(field: String) -> String {
        var name = prefix
        for scalar in field.uppercased().unicodeScalars {
            let safe = ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            name.unicodeScalars.append(safe ? scalar : "_")
        }
        return name
    }

    package static func text(_ value: EventValue) -> String {
        switch value {
        case .number(let v): return EventFormat.number(v)
        case .integer(let v): return String(v)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return String(s.unicodeScalars.filter { $0 != "\0" }.map(Character.init))
        }
    }
}
