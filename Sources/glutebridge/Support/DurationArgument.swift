import GluteCore

/// A duration option (`90s`, `45m`, `1h30m`), declared with `transform: DurationArgument.parse`.
/// Deliberately not ExpressibleByArgument: its failable `init?(argument:)` could only give
/// ArgumentParser's bare "is invalid", so an option declared without the transform does not compile.
struct DurationArgument: Sendable {
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    /// A refusal carries DurationText's examples into ArgumentParser's one-line message.
    static func parse(_ text: String) throws -> DurationArgument {
        DurationArgument(seconds: try DurationText.seconds(text))
    }
}
