import ArgumentParser
import GluteCore

/// The parser for number options (`--speed`, `--rate`, `--gain`, `--sample-rate`): decimal text
/// only, so `0x10` is refused rather than read as 16. Ranges are each command's own check.
enum DecimalArgument {
    struct NotADecimalNumber: Error, CustomStringConvertible {
        var description: String { "not a decimal number" }
    }

    static func parse(_ text: String) throws -> Double {
        guard let value = DecimalText.double(text) else { throw NotADecimalNumber() }
        return value
    }
}
