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
}
