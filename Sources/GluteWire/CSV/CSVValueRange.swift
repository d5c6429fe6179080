/// The range check of one CSV cell (DESIGN "CSV in and out"; ranges in `ValueRanges`).
enum CSVValueRange {
    /// Why `value` cannot stand in `column`, as the end of a message (`is out of range (...)`);
    /// nil when it can. Times are checked in seconds, sensor values in the column's own unit.
    static func problem(_ column: CSVColumn, _ value: Double) -> String? {
        switch column {
        case .ignored:
            return nil
        case .time(let unit):
            guard !ValueRanges.streamSeconds.contains(value / unit.perSecond) else { return nil }
            let bounds = ValueRanges.streamSeconds
            return "is out of range (\(ValueRanges.describe(bounds.lowerBound * unit.perSecond...bounds.upperBound * unit.perSecond))"
                + " \(unit.suffix))"
        case .accel, .gyro, .mag, .quaternion, .pressure:
            guard !ValueRanges.sensorValue.contains(value) else { return nil }
            return "is out of range (\(ValueRanges.describe(ValueRanges.sensorValue)))"
        }
    }
}
