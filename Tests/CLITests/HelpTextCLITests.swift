import Foundation
import Testing

/// Issue 12: help texts stand on their own (no DESIGN.md, which is not installed) and say each
/// option's default once (ArgumentParser prints `(default: X)` for any option with a value).
@Suite("help texts", .enabled(if: CLI.available, "build the binary first: swift build"))
struct HelpTextCLITests {
    static func verbs() throws -> [String] {
        let top = try CLI.run(["--help"]).stdout
        guard let start = top.range(of: "SUBCOMMANDS:") else { return [] }
        return top[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first, word.first?.isLetter == true else { return nil }
            return String(word)
        }
    }

    /// One entry per option: its lines from `  -` or `  --` to the next one.
    static func optionEntries(_ help: String) -> [String] {
        var entries: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  -") { entries.append(String(line)) } else if !entries.isEmpty { entries[entries.count - 1] += " " + line }
        }
        return entries
    }

    @Test func noVerbPointsAtDesignMDOrSaysADefaultTwice() throws {
        let verbs = try Self.verbs()
        #expect(verbs.count >= 10)
        let twice = try Regex(#"(\(default[: ]|; default )"#)
        for verb in verbs {
            let help = try CLI.run(["help", verb]).stdout
            #expect(!help.contains("DESIGN.md"), "\(verb) --help names DESIGN.md")
            for entry in Self.optionEntries(help) {
                let flat = entry.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(flat.matches(of: twice).count <= 1, "\(verb): \(flat)")
            }
        }
    }
}
