import ArgumentParser
import GluteWire

/// Range checks of numeric options (issue 12): every numeric option of every verb has a lower and
/// an upper bound, and a value outside them is a one-line usage error that names the option, the
/// range in words ("must be greater than 0", not "between 0 and ..." when 0 is refused) and the
/// value given. NaN fails every check, since no comparison with it is true.
enum OptionRange {
    /// The longest run a `--duration` or `--timeout` may ask for: 366 days.
    static let longestRun: Double = 366 * 86_400

    /// `--speed`, simulated (or recorded) seconds per second: 0.001 to 10000. A smaller factor
    /// (1e-320 passed "greater than 0") would stretch a second of stream over days: a frozen run.
    static func speed(_ value: Double) throws {
        try number("--speed", value, in: 0.001...10_000)
    }

    /// A factor such as `--speed`: greater than 0 and at most `most`.
    static func positive(_ name: String, _ value: Double, atMost most: Double) throws {
        guard value > 0, value <= most else {
            throw ValidationError("\(name) must be greater than 0 and at most \(ValueRanges.shortText(most)) (got \(ValueRanges.shortText(value)))")
        }
    }

    /// A number in a closed range, e.g. `--gain` 0...100.
    static func number(_ name: String, _ value: Double, in range: ClosedRange<Double>, unit: String = "") throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(ValueRanges.shortText(range.lowerBound)) and "
                + "\(ValueRanges.shortText(range.upperBound))\(unit) (got \(ValueRanges.shortText(value)))")
        }
    }

    /// An integer option in a closed range, e.g. `--count` 1...1000000.
    static func integer<I: BinaryInteger>(_ name: String, _ value: I, in range: ClosedRange<I>) throws {
        guard range.contains(value) else { throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))") }
    }

    /// A duration longer than 0 and at most `most` seconds (a year unless said otherwise).
    static func duration(_ name: String, _ value: DurationArgument?, atMost most: Double = longestRun) throws {
        guard let seconds = value?.seconds else { return }
        guard seconds > 0, seconds <= most else {
            throw ValidationError("\(name) must be longer than 0s and at most \(durationText(most)) (got \(ValueRanges.shortText(seconds)) s)")
        }
    }

    /// `366d`, `24h`, `10m`, `90s`: the largest whole unit.
    static func durationText(_ seconds: Double) -> String {
        for (unit, length) in [("d", 86_400.0), ("h", 3600), ("m", 60)] where seconds >= length && seconds.truncatingRemainder(dividingBy: length) == 0 {
            return ValueRanges.shortText(seconds / length) + unit
        }
        return ValueRanges.shortText(seconds) + "s"
    }
}
