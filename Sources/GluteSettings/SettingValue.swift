import GluteAlerts
import GluteCore
import GluteLog
import GluteWire

/// One setting's raw value and where it came from, with the conversions the resolver needs. Every
/// failure is a `SettingsError` naming the origin.
package struct SettingValue {
    package var value: ConfigValue
    /// `--tilt-limit`, or `FILE:LINE: tilt-limit`.
    package var origin: String
    package var source: SettingSource

    package func failure(_ problem: String) -> SettingsError { SettingsError(origin: origin, problem: problem) }

    /// User text echoed in a message, with control characters made visible.
    package static func quoted(_ text: String) -> String { "'" + TerminalText.escaped(text) + "'" }

    package func text(expecting example: String) throws(SettingsError) -> String {
        guard case .string(let text) = value else { throw failure("expected a string such as \(example), got \(value.kindName)") }
        return text
    }

    package func degrees(in range: ClosedRange<Double>) throws(SettingsError) -> Double {
        let degrees: Double
        switch value {
        case .number(let v):
            degrees = v
        case .string(let text):
            guard let v = DecimalText.double(text.trimmingWhitespace()), v.isFinite else {
                throw failure("\(SettingValue.quoted(text)) is not a number of degrees")
            }
            degrees = v
        default:
            throw failure("expected a number of degrees, got \(value.kindName)")
        }
        guard range.contains(degrees) else {
            throw failure("\(EventFormat.number(degrees)) degrees is out of range (\(EventFormat.number(range.lowerBound))"
                + " to \(EventFormat.number(range.upperBound)) degrees)")
        }
        return degrees
    }

    /// A whole number within `range` (a count of days), from a number or its text.
    package func wholeNumber(in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        let number: Double
        switch value {
        case .number(let v): number = v
        case .string(let text):
            guard let v = DecimalText.double(text.trimmingWhitespace()) else { throw failure("\(SettingValue.quoted(text)) is not a whole number") }
            number = v
        default: throw failure("expected a whole number, got \(value.kindName)")
        }
        guard number == number.rounded(), let whole = Int(checked: number), range.contains(whole) else {
            throw failure("\(EventFormat.number(number)) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return whole
    }

    /// The longest duration a detection or alert setting takes: a day.
    package static let longestDuration: Double = 86_400

    /// Seconds, from duration text (`45m`) or a bare number of seconds, at most `longestDuration`.
    package func duration(allowZero: Bool = false) throws(SettingsError) -> Double {
        let seconds: Double
        switch value {
        case .number(let v):
            guard v.isFinite, v >= 0 else { throw failure("\(EventFormat.number(v)) is not a duration in seconds") }
            seconds = v
        case .string(let text):
            do {
                seconds = try DurationText.seconds(text)
            } catch {
                throw failure("\(SettingValue.quoted(text)) is not a duration (examples: 90s, 45m, 1h30m)")
            }
        default:
            throw failure("expected a duration such as \"45m\", got \(value.kindName)")
        }
        guard allowZero || seconds > 0 else { throw failure("the duration must be longer than zero") }
        guard seconds <= SettingValue.longestDuration else {
            throw failure("\(ValueRanges.shortText(seconds)) s is out of range (\(allowZero ? "0s to 24h" : "longer than 0s, at most 24h"))")
        }
        return seconds
    }

    package func flag() throws(SettingsError) -> Bool {
        guard case .bool(let on) = value else { throw failure("expected true or false, got \(value.kindName)") }
        return on
    }

    /// A string or an array of strings.
    package func texts(expecting example: String) throws(SettingsError) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .strings(let texts): return texts
        default: throw failure("expected a string or an array of strings such as \(example), got \(value.kindName)")
        }
    }

    package func commands() throws(SettingsError) -> [[String]] {
        var argvs: [[String]] = []
        for line in try texts(expecting: "[\"notify-send 'Stand up'\"]") {
            do {
                argvs.append(try CommandWords.split(line))
            } catch {
                throw failure("\(SettingValue.quoted(line)): \(error.reason)")
            }
        }
        return argvs
    }

    package func eventTypes() throws(SettingsError) -> Set<String> {
        var types: Set<String> = []
        for text in try texts(expecting: "\"sitting.prolonged,pelvic_drop\"") {
            for part in text.split(separator: ",") {
                let name = String(part).trimmingWhitespace()
                if name.isEmpty { continue }
                if name == "all" {
                    types.formUnion(AlertSettings.eventTypes)
                } else if AlertSettings.eventTypes.contains(name) {
                    types.insert(name)
                } else {
                    throw failure("\(SettingValue.quoted(name)) is not an event type (one of: all, "
                        + AlertSettings.eventTypes.joined(separator: ", ") + ")")
                }
            }
        }
        guard !types.isEmpty else { throw failure("names no event type") }
        return types
    }

    /// `A..B` in stream seconds.
    package func neutralWindow() throws(SettingsError) -> NeutralSource {
        let text = try self.text(expecting: "\"2..12\"")
        guard let range = text.firstRange(of: "..") else {
            throw failure("\(SettingValue.quoted(text)) is not a window of stream seconds, e.g. 2..12")
        }
        let startText = String(text[..<range.lowerBound]).trimmingWhitespace()
        let endText = String(text[range.upperBound...]).trimmingWhitespace()
        guard let start = DecimalText.double(startText), let end = DecimalText.double(endText), start.isFinite, end.isFinite else {
            throw failure("\(SettingValue.quoted(text)) is not a window of stream seconds, e.g. 2..12")
        }
        guard start >= 0 else { throw failure("the window starts before the stream (\(EventFormat.number(start)) s)") }
        guard start < end else { throw failure("the window \(SettingValue.quoted(text)) must start before it ends") }
        guard end <= ValueRanges.streamSeconds.upperBound else {
            throw failure("the window ends after \(ValueRanges.shortText(ValueRanges.streamSeconds.upperBound)) s of stream time (\(ValueRanges.shortText(end)) s)")
        }
        return .window(start: start, end: end)
    }

    package func mount() throws(SettingsError) -> Mount {
        let text = try self.text(expecting: "\"-y,x,z\"")
        do {
            return try Mount(parsing: text)
        } catch {
            throw failure("\(SettingValue.quoted(text)) is not a mount: \(error.reason)")
        }
    }

    package func quietHours() throws(SettingsError) -> QuietHours {
        let text = try self.text(expecting: "\"22:00-07:30\"")
        do {
            return try QuietHours(parsing: text)
        } catch {
            throw failure("\(SettingValue.quoted(text)): \(error.reason)")
        }
    }
}

extension String {
    package func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
