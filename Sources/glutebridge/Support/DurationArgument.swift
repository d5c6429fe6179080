import ArgumentParser
import GluteCore

/// A duration option (`90s`, `45m`, `1h30m`); a bad value is rejected by the parser with a
/// one-line message naming the option.
struct DurationArgument: ExpressibleByArgument, Sendable {
    var seconds: Double

    init?(argument: String) {
        guard let s = try? DurationText.seconds(argument) else { return nil }
        seconds = s
    }

    init(seconds: Double) { self.seconds = seconds }

    /// The option's parser: a refusal carries DurationText's examples, which the failable
    /// `init?(argument:)` cannot pass on to ArgumentParser's message.
    static func parse(_ text: String) throws -> DurationArgument {
        DurationArgument(seconds: try DurationText.seconds(text))
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
