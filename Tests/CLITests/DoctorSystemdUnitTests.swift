import Foundation
import Testing

/// systemd/glutebridge-monitor.service: a well-formed unit whose command line the binary accepts.
@Suite("the systemd user unit")
struct DoctorSystemdUnitTests {
    let unitPath = packageRoot.appendingPathComponent("systemd/glutebridge-monitor.service")

    /// Sections of `key=value` lines; a key may repeat (Environment=).
    func parse() throws -> [String: [(String, String)]] {
        let text = try String(contentsOf: unitPath, encoding: .utf8)
        var sections: [String: [(String, String)]] = [:]
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                #expect(line.hasSuffix("]"), "section header: \(line)")
                current = String(line.dropFirst().dropLast())
                sections[current!] = sections[current!] ?? []
                continue
            }
            let section = try #require(current, "a line before any section: \(line)")
            let eq = try #require(line.firstIndex(of: "="), "not key=value: \(line)")
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            #expect(!key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber }, "key: \(key)")
            sections[section, default: []].append((key, String(line[line.index(after: eq)...])))
        }
        return sections
    }

    func value(_ sections: [String: [(String, String)]], _ section: String, _ key: String) -> [String] {
        (sections[section] ?? []).filter { $0.0 == key }.map(\.1)
    }

    @Test func parsesAsAUserServiceThatRestartsOnFailure() throws {
        let unit = try parse()
        #expect(Set(unit.keys) == ["Unit", "Service", "Install"])
        #expect(value(unit, "Service", "Restart") == ["on-failure"])
        #expect(value(unit, "Service", "RestartSec") == ["5"])
        #expect(value(unit, "Install", "WantedBy") == ["default.target"])
        #expect(value(unit, "Service", "Environment").contains("GLUTEBRIDGE_SOURCE=/dev/ttyACM0"))
        #expect(value(unit, "Service", "User").isEmpty, "a user unit runs as its user")
    }

    @Test(.enabled(if: CLI.available, "build the binary first: swift build"))
    func execStartNamesAVerbAndOptionsTheBinaryHas() throws {
        let unit = try parse()
        let exec = try #require(value(unit, "Service", "ExecStart").first)
        let words = exec.split(separator: " ").map(String.init)
        #expect(words[0] == "%h/.local/bin/glutebridge")
        let verb = words[1]
        #expect(verb == "monitor")
        let help = try CLI.run([verb, "--help"])
        #expect(help.status == 0)
        let options = words.filter { $0.hasPrefix("--") }
        #expect(options.contains("--notify"))
        for option in options { #expect(help.stdout.contains(option), "\(verb) has no \(option)") }
        #expect(words.contains("${GLUTEBRIDGE_SOURCE}"))
        #expect(words.contains("%h/.local/state/glutebridge"))
        #expect(words[words.firstIndex(of: "%h/.local/state/glutebridge")! - 1] == "--output-dir")
    }

    /// systemd's own parser, where the machine has it: the unit verifies clean with the binary
    /// installed where ExecStart looks (a private HOME, so nothing of the user's is touched).
    @Test(.enabled(if: CLI.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"),
                   "needs systemd-analyze and the built binary"))
    func systemdAnalyzeVerifiesTheUnit() throws {
        let home = temporaryDirectory()
        let runtime = temporaryDirectory()
        let bin = home.appendingPathComponent(".local/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("glutebridge"), withDestinationURL: CLI.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["--user", "verify", unitPath.path]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_RUNTIME_DIR"] = runtime.path
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(message.isEmpty, "\(message)")
    }
}
