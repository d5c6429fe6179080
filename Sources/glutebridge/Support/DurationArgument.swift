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

    static var defaultCompletionKind: CompletionKind { .default }
}
