/// The documented ranges of numbers that come from outside the program (a CSV cell, an event log
/// read back, an option). A value outside its range is an input error with a one-line message, so
/// that no later arithmetic or integer conversion meets a number it cannot represent. README
/// ("Numbers and their ranges") lists the same figures.
public enum ValueRanges {
    /// Stream time and file time, in seconds: about ±317 years, which holds any Unix time in
    /// seconds and any recording, and keeps milliseconds exact and far inside Int64.
    public static let streamSeconds: ClosedRange<Double> = -1e10...1e10

    /// A sensor value in its column's unit (g, m/s², °/s, µT, Pa, quaternion component): far
    /// beyond any real sensor's full scale, small enough that squares and sums stay finite.
    public static let sensorValue: ClosedRange<Double> = -1e9...1e9

    /// A count read back from a file (repetitions, lost frames).
    public static let count: ClosedRange<Double> = 0...1e9

    /// An angle in degrees.
    public static let degrees: ClosedRange<Double> = -360...360

    /// The range as a message shows it: `-1e10 to 1e10`.
    public static func describe(_ range: ClosedRange<Double>) -> String {
        "\(shortText(range.lowerBound)) to \(shortText(range.upperBound))"
    }

    /// A number as a message shows it: integers in plain digits up to 1e6, powers of ten as `1e10`,
    /// anything else in Swift's shortest form.
    public static func shortText(_ value: Double) -> String {
        if let whole = Int(checked: value), Double(whole) == value, whole.magnitude <= 1_000_000 { return String(whole) }
        // Only error messages get here, so parsing up to 300 candidates is cheap enough.
        for exponent in 7...308 where Double("1e\(exponent)") == abs(value) {
            return (value < 0 ? "-" : "") + "1e\(exponent)"
        }
        var text = "\(value)"
        if let plus = text.firstRange(of: "e+") { text.replaceSubrange(plus, with: "e") }
        return text
    }
}
