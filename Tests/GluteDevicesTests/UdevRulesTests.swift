import Foundation
import Testing

/// One `KEY{attribute}OP"value"` pair of a udev rule.
struct UdevRuleToken: Equatable {
    var key: String
    var attribute: String?
    var op: String
    var value: String
}

/// A rule: one logical line (continuations joined) and its pairs.
struct UdevRule {
    var file: String
    var line: Int
    var tokens: [UdevRuleToken]

    func values(_ key: String, attribute: String? = nil) -> [UdevRuleToken] {
        tokens.filter { $0.key == key && (attribute == nil || $0.attribute == attribute) }
    }
}

/// A strict reader of udev rules files, enough to hold our own rules to udev's grammar
/// (Debian 12's udevadm has no `verify`).
enum UdevRulesParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let matchKeys: Set<String> = [
        "ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM", "SUBSYSTEMS", "DRIVER", "DRIVERS",
        "ATTR", "ATTRS", "SYSCTL", "ENV", "CONST", "TAG", "TAGS", "TEST", "PROGRAM", "RESULT",
    ]
    static let assignKeys: Set<String> = [
        "NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "SECLABEL", "ATTR", "SYSCTL", "ENV", "TAG", "RUN", "LABEL",
        "GOTO", "IMPORT", "OPTIONS",
    ]
    /// Keys that take `{attribute}`.
    static let attributeKeys: Set<String> = ["ATTR", "ATTRS", "SYSCTL", "ENV", "CONST", "TEST", "SECLABEL", "RUN", "IMPORT"]
    static let matchOperators: Set<String> = ["==", "!="]
    static let assignOperators: Set<String> = ["=", "+=", "-=", ":="]

    static func parse(_ text: String, file: String) throws -> [UdevRule] {
        var rules: [UdevRule] = []
        var pending = ""
        var pendingStart = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = String(rawLine)
            if pending.isEmpty {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                pendingStart = number
            }
            let continues = line.hasSuffix("\\")
            if continues { line.removeLast() }
            pending += line
            if continues { continue }
            rules.append(UdevRule(file: file, line: pendingStart, tokens: try tokens(pending, file: file, line: pendingStart)))
            pending = ""
        }
        if !pending.isEmpty { throw Failure(description: "\(file):\(pendingStart): continuation at end of file") }
        return rules
    }

    /// Splits `KEY{attr}OP"value", ...` strictly: anything else on the line is an error.
    static func tokens(_ line: String, file: String, line number: Int) throws -> [UdevRuleToken] {
        var result: [UdevRuleToken] = []
        var rest = Substring(line)
        func fail(_ why: String) -> Failure { Failure(description: "\(file):\(number): \(why) in: \(line)") }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { break }
            if !result.isEmpty {
                guard rest.first == "," else { throw fail("expected ',' between pairs") }
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            }
            let key = String(rest.prefix { $0.isUppercase || $0 == "_" })
            guard !key.isEmpty else { throw fail("expected a key") }
            rest = rest.dropFirst(key.count)
            var attribute: String?
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else { throw fail("unclosed '{'") }
                attribute = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
            let op = ["==", "!=", "+=", "-=", ":=", "="].first { rest.hasPrefix($0) }
            guard let op else { throw fail("expected an operator after \(key)") }
            rest = rest.dropFirst(op.count)
            guard rest.first == "\"" else { throw fail("expected a quoted value after \(key)\(op)") }
            rest = rest.dropFirst()
            guard let endQuote = rest.firstIndex(of: "\"") else { throw fail("unterminated value") }
            let value = String(rest[..<endQuote])
            rest = rest[rest.index(after: endQuote)...]

            let isMatch = matchOperators.contains(op)
            guard isMatch ? matchKeys.contains(key) : assignKeys.contains(key) else {
                throw fail("\(key) does not take \(op)")
            }
            guard (attribute != nil) == attributeKeys.contains(key) || (key == "RUN" || key == "IMPORT") else {
                throw fail(attribute == nil ? "\(key) needs {attribute}" : "\(key) takes no {attribute}")
            }
            result.append(UdevRuleToken(key: key, attribute: attribute, op: op, value: value))
        }
        return result
    }
}

@Suite("udev rules")
struct UdevRulesTests {
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("udev-rules")

    static func ruleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: rulesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "rules" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func allRules() throws -> [UdevRule] {
        try ruleFiles().flatMap { url in
            try UdevRulesParser.parse(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        }
    }

    @Test("The parser accepts udev's grammar and rejects what udev would")
    func parserCatchesMistakes() throws {
        let good = try UdevRulesParser.parse("""
            # comment
            SUBSYSTEM=="tty", ATTRS{idVendor}=="1209", \\
              MODE="0660", TAG+="uaccess"

            """, file: "t")
        #expect(good.count == 1)
        #expect(good.first?.line == 2)
        #expect(good.first?.tokens.map(\.key) == ["SUBSYSTEM", "ATTRS", "MODE", "TAG"])
        #expect(good.first?.tokens[1].attribute == "idVendor")
        let broken = [
            #"SUBSYSTEM="tty""#,            // assignment to a match-only key
            #"MODE=="0660""#,               // match on an assignment-only key
            #"ATTRS=="x""#,                 // missing {attribute}
            #"SUBSYSTEM=="tty" MODE="0660""#, // missing comma
            #"SUBSYSTEM=="tty"#,             // unterminated
            #"SUBSYSTEM~="tty""#,           // unknown operator
            #"BOGUS=="x""#,                 // unknown key
        ]
        for text in broken {
            #expect(throws: UdevRulesParser.Failure.self, "\(text)") { try UdevRulesParser.parse(text, file: "t") }
        }
    }

    @Test("Every rules file parses, sorts before 73-seat-late, and jumps only to labels it defines")
    func filesParse() throws {
        let files = try Self.ruleFiles()
        try #require(!files.isEmpty, "no udev-rules/*.rules")
        for file in files {
            let number = Int(file.lastPathComponent.prefix { $0.isNumber })
            #expect(number != nil && number! < 73, "\(file.lastPathComponent) must sort before 73-seat-late.rules")
            let rules = try UdevRulesParser.parse(String(contentsOf: file, encoding: .utf8), file: file.lastPathComponent)
            let labels = Set(rules.flatMap { $0.values("LABEL") }.map(\.value))
            for jump in rules.flatMap({ $0.values("GOTO") }) {
                #expect(labels.contains(jump.value), "GOTO \(jump.value) has no LABEL")
            }
        }
    }

    @Test("No MODE opens a device beyond 0660, and every MODE comes with uaccess and ModemManager's ignore")
    func permissions() throws {
        let rules = try Self.allRules()
        let withMode = rules.filter { !$0.values("MODE").isEmpty }
        try #require(!withMode.isEmpty, "the rules set no MODE at all")
        for rule in withMode {
            for mode in rule.values("MODE") {
                let bits = try #require(Int(mode.value, radix: 8), "\(rule.file):\(rule.line): MODE \(mode.value) is not octal")
                #expect(bits & ~0o660 == 0, "\(rule.file):\(rule.line): MODE \(mode.value) is more open than 0660")
            }
            #expect(rule.values("TAG").contains { $0.op == "+=" && $0.value == "uaccess" }, "\(rule.file):\(rule.line): no TAG+=\"uaccess\"")
            #expect(rule.values("ENV", attribute: "ID_MM_DEVICE_IGNORE").contains { $0.value == "1" && $0.op == "=" },
                    "\(rule.file):\(rule.line): no ENV{ID_MM_DEVICE_IGNORE}=\"1\"")
        }
    }

    @Test("The rules tag our native firmware and both WitMotion bridges with the property discovery reads")
    func tagsKnownDevices() throws {
        let rules = try Self.allRules()
        func protocolSet(vendor: String, product: String) -> String? {
            rules.first { rule in
                rule.values("ATTRS", attribute: "idVendor").contains { $0.op == "==" && $0.value == vendor }
                    && rule.values("ATTRS", attribute: "idProduct").contains { $0.op == "==" && $0.value == product }
            }?.values("ENV", attribute: "GLUTEBRIDGE_PROTOCOL").first { $0.op == "=" }?.value
        }
        #expect(protocolSet(vendor: "1209", product: "0001") == "native")
        #expect(protocolSet(vendor: "1a86", product: "7523") == "witmotion")
        #expect(protocolSet(vendor: "10c4", product: "ea60") == "witmotion")
        // The shared pid.codes test PID is only ours together with our product string.
        let native = try #require(rules.first { $0.values("ATTRS", attribute: "idVendor").contains { $0.value == "1209" } })
        #expect(native.values("ATTRS", attribute: "product").contains { $0.op == "==" && $0.value.hasPrefix("GluteBridge") })
    }

    @Test("Every symlink is under /dev/glutebridge- and carries something unique (kernel name or serial)")
    func symlinksAreUnique() throws {
        let links = try Self.allRules().flatMap { $0.values("SYMLINK") }
        try #require(!links.isEmpty)
        for link in links {
            #expect(link.op == "+=", "SYMLINK\(link.op) would drop other rules' links")
            #expect(link.value.hasPrefix("glutebridge-"))
            #expect(link.value.contains("%k") || link.value.contains("$env{") || link.value.contains("%s{serial}"),
                    "\(link.value) could collide between two sensors")
        }
    }

    static let udevadm = ["/usr/bin/udevadm", "/bin/udevadm", "/sbin/udevadm", "/usr/sbin/udevadm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `udevadm test` reads only the system's rules directories, so it can check our rules only
    /// once they are installed there.
    static let installedRules = "/etc/udev/rules.d/70-glutebridge.rules"
    static let canRunUdevadm = udevadm != nil && FileManager.default.fileExists(atPath: installedRules)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/umockdev-run")

    @Test("udevadm test applies the installed rules to the fake sensor",
          .enabled(if: canRunUdevadm, "needs udevadm (the udev package; absent in this container), umockdev-run and the rules installed as /etc/udev/rules.d/70-glutebridge.rules; the parser tests check the rules meanwhile"))
    func udevadmTest() throws {
        // Runs only where udevadm exists: inside a umockdev test bed `udevadm test` reads the fake
        // /sys; its output must show our property for the fake sensor.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/umockdev-run")
        let fixture = Self.rulesDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/udev/glutebridge-belt.umockdev")
        process.arguments = ["-d", fixture.path, "--", Self.udevadm!, "test", "--action=add",
                             "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/tty/ttyACM0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("GLUTEBRIDGE_PROTOCOL=native"), "\(text)")
    }
}
