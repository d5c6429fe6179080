import Foundation
import Testing

/// Issue 12: exit statuses as the README's table says: 64 for a usage error (ArgumentParser's
/// EX_USAGE, with the verb's usage line), 1 for a failure at run time (one `Error:` line), 0 done.
@Suite("exit statuses", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ExitStatusCLITests {
    @Test func usageErrorsAre64RuntimeErrorsAre1() throws {
        let dir = temporaryDirectory()
        let junk = dir.appendingPathComponent("junk.bin")
        try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: junk)
        let cases: [(args: [String], status: Int32, usage: String?)] = [
            (["--version"], 0, nil),
            (["nosuchverb"], 64, "Usage: glutebridge <subcommand>"),
            (["monitor", "sim", "--bogus"], 64, "Usage: glutebridge monitor"),
            (["replay", junk.path, "--tilt-limit", "99"], 64, "Usage: glutebridge replay"),
            (["replay"], 64, "Usage: glutebridge replay"),
            (["decode", "--hex", "zz"], 64, "Usage: glutebridge decode"),
            (["decode", "--hex", " "], 64, "Error: --hex needs at least one byte"),
            // Neither given: said as such, not "not both" (a new user's first `decode`).
            (["decode"], 64, "Error: give an INPUT (a file, a device or - for stdin) or --hex BYTES\nUsage: glutebridge decode"),
            (["report", junk.path, "-o", "-", "--notify"], 64, "Usage: glutebridge report"),
            // Once ignored by export and report (the protocol detected instead).
            (["export", junk.path, "--csv", "--protocol", "bogus"], 64, "Error: --protocol: 'bogus' is not one of native"),
            (["report", junk.path, "-o", "-", "--protocol", "bogus"], 64, "Error: --protocol: 'bogus' is not one of native"),
            (["replay", dir.appendingPathComponent("missing.bin").path], 1, nil),
            (["report", dir.appendingPathComponent("missing.bin").path, "-o", "-"], 1, nil),
            (["replay", junk.path, "--format", "jsonl"], 1, nil),
            // Devices that never end: once decoded forever (nothing to decode, no end of file).
            (["replay", "/dev/zero"], 1, "Error: /dev/zero: a device, not a recording"),
            (["export", "/dev/urandom", "--csv"], 1, "Error: /dev/urandom: a device, not a recording"),
            (["report", "/dev/zero", "-o", "-"], 1, "Error: /dev/zero: a device, not a recording"),
            (["evaluate", "--data", dir.appendingPathComponent("nodata").path], 1, "no such folder"),
            // Duration options name the forms, as the detection options do (was ArgumentParser's bare "is invalid").
            (["monitor", "sim", "--duration", "5m5m"], 64, "'5m5m' is not a duration (examples: 90s, 45m, 1h30m, 250ms)"),
            (["scan", "--timeout", "0x10"], 64, "'0x10' is not a duration (examples:"),
            // ArgumentParser showed the overview and exited 0 for any name.
            (["help", "bogus"], 64, "Error: help: 'bogus' is not a verb"),
        ]
        for c in cases {
            let result = try CLI.run(c.args)
            #expect(result.status == c.status, "\(c.args): \(result.status) \(result.stderr)")
            if let usage = c.usage {
                #expect(result.stderr.contains(usage), "\(c.args): \(result.stderr)")
            } else if c.status != 0 {
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].hasPrefix("Error: "), "\(c.args): \(result.stderr)")
            }
        }
    }

    /// What the user typed is echoed escaped: a newline split the one-line error in two and an
    /// escape sequence reached the terminal, from ArgumentParser's messages and ours alike.
    @Test func controlCharactersInAnArgumentAreEscapedInTheError() throws {
        let cases: [(args: [String], status: Int32, shown: String)] = [
            (["replay", "x", "--speed", "1\n2"], 64, "Error: --speed: '1\\x0a2' is not a factor"),
            (["monitor", "--tilt-limit", "\u{1b}]0;title\u{07}"], 64, "'\\x1b]0;title\\x07' is not a number"),
            (["replay", "/nonexistent/a\nb\u{1b}[31m"], 1, "Error: /nonexistent/a\\x0ab\\x1b[31m"),
            (["monitor", "sim\nfoo"], 1, "Error: 'sim\\x0afoo'"),
        ]
        for c in cases {
            let result = try CLI.run(c.args)
            #expect(result.status == c.status, "\(c.args): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map { $0.hasPrefix("Error: ") && $0.contains(c.shown) } == true, "\(c.args): \(result.stderr)")
            #expect(!result.stderr.contains("\u{1b}") && !result.stderr.contains("\u{07}"), "\(c.args): \(result.stderr)")
        }
        // Warnings and notes quote paths too.
        let dir = temporaryDirectory()
        let odd = dir.appendingPathComponent("day\n\u{1b}[2J.gbcap").path
        let simulated = try CLI.run(["simulate", "-o", odd, "--duration", "1s"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stderr.hasPrefix("simulate: wrote ") && simulated.stderr.contains("day\\x0a\\x1b[2J.gbcap")
                && simulated.stderr.filter { $0 == "\n" }.count == 1 && !simulated.stderr.contains("\u{1b}"), "\(simulated.stderr)")
        // Help is our own text: its newlines stay.
        let help = try CLI.run(["help", "monitor"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Watch a sensor live") && help.stdout.contains("\nUSAGE: glutebridge monitor"))
    }
}
