import GluteWire

/// The range of each numeric field of a JSONL event log line (README "Events"), for readers of
/// logs (`report`): a line whose number is out of range is an input error naming FILE:LINE, the
/// field and the range, never a value that traps later. Unknown fields are only required to be
/// finite.
public enum EventLogFieldRange {
    /// Fields in stream seconds (`t`, `since`, `start`).
    static let timeFields: Set<String> = ["t", "since", "start"]
    /// Fields counting things, read back as integers.
    public static let countFields: Set<String> = ["rep", "reps", "target_reps", "short_reps", "lost_frames"]
    /// Fields in degrees.
    static let degreeFields: Set<String> = ["angle", "threshold", "peak"]

    /// The range `field` must lie in.
    public static func range(of field: String) -> ClosedRange<Double> {
        if timeFields.contains(field) { return ValueRanges.streamSeconds }
        if countFields.contains(field) { return ValueRanges.count }
        if degreeFields.contains(field) { return ValueRanges.degrees }
        // Durations (`*_s`) are stream-time spans; `strength` and the rest only need to be sane.
        if field.hasSuffix("_s") { return 0...ValueRanges.streamSeconds.upperBound }
        return ValueRanges.sensorValue
    }

    /// Why `value` cannot stand in `field` (`field 'angle' 1e300 is out of range (-360 to 360)`),
    /// or nil when it can.
    public static func problem(field: String, value: Double) -> String? {
        let range = range(of: field)
        if range.contains(value) {
            if countFields.contains(field), value.rounded() != value { return "field '\(field)' \(ValueRanges.shortText(value)) is not a whole number" }
            return nil
        }
        return "field '\(field)' \(ValueRanges.shortText(value)) is out of range (\(ValueRanges.describe(range)))"
    }
}
