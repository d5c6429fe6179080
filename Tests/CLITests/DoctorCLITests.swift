import Foundation
import Testing

@Suite("doctor on this machine, run as a process", .enabled(if: CLI.available, "build the binary first: swift build"))
struct DoctorCLITests {
    /// What this machine is: the test states it from the kernel's own files, then checks the
    /// doctor says the same.
    var kernelHasBluetooth: Bool {
        (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8))?.contains("HCI") == true
    }

    @Test func plainReportNamesTheBluetoothFailureAndWhatIsFine() throws {
        let result = try CLI.run(["doctor"])
        let lines = result.stdoutLines
        #expect(lines.last?.hasPrefix("doctor: ") == true)
        #expect(!result.stdout.contains("\u{1B}"), "no colour into a pipe")
        let kernel = try #require(lines.first { $0.contains("kernel-bluetooth") })
        if kernelHasBluetooth {
            #expect(kernel.hasPrefix("OK"))
        } else {
            #expect(result.status == 1)
            #expect(kernel.hasPrefix("FAIL"))
            #expect(kernel.hasSuffix("the kernel has no Bluetooth (EAFNOSUPPORT)"))
            let fix = try #require(lines.firstIndex(of: kernel).map { lines[$0 + 1] })
            #expect(fix.contains("fix: load the bluetooth module (sudo modprobe bluetooth)"))
        }
        if getuid() == 0 {
            #expect(lines.contains { $0.hasPrefix("OK") && $0.contains("device-access") && $0.contains("root") })
            // Root may scan, but only with Bluetooth in the kernel.
            #expect(lines.contains { $0.hasPrefix(kernelHasBluetooth ? "OK" : "WARN") && $0.contains("ble-scan") })
        }
        // Every status word is one of the four, and FAIL decides the exit status.
        let statuses = lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("doctor:") }.map { String($0.prefix { $0 != " " }) }
        #expect(statuses.count == 8)
        #expect(Set(statuses).isSubset(of: ["OK", "INFO", "WARN", "FAIL"]))
        #expect(result.status == (statuses.contains("FAIL") ? 1 : 0))
    }

    @Test func jsonIsOneObjectThatAgreesWithThePlainReport() throws {
        let result = try CLI.run(["doctor", "--json"])
        let object = try #require(jsonObject(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result.stdout)")
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.count == 8)
        for check in checks {
            #expect(check["name"] is String && check["status"] is String && check["detail"] is String)
            #expect(check["fix"] is String || check["fix"] is NSNull)
        }
        let failed = checks.contains { $0["status"] as? String == "FAIL" }
        #expect(object["ok"] as? Bool == !failed)
        #expect(result.status == (failed ? 1 : 0))
        let kernel = try #require(checks.first { $0["name"] as? String == "kernel-bluetooth" })
        #expect(kernel["status"] as? String == (kernelHasBluetooth ? "OK" : "FAIL"))
    }

    @Test func comparesInstalledRulesWithTheFileGivenByRules() throws {
        // --rules points the comparison at any rules file of ours; with nothing installed here,
        // the install command names that file.
        let dir = temporaryDirectory()
        let rules = dir.appendingPathComponent("70-glutebridge.rules")
        try Data("SUBSYSTEM==\"tty\", ENV{GLUTEBRIDGE_PROTOCOL}=\"native\", GROUP=\"dialout\"\n".utf8).write(to: rules)
        let result = try CLI.run(["doctor", "--json", "--rules", rules.path])
        let object = try #require(jsonObject(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let udev = try #require((object["checks"] as? [[String: Any]])?.first { $0["name"] as? String == "udev-rules" })
        let installed = ["/etc/udev/rules.d", "/run/udev/rules.d", "/usr/lib/udev/rules.d", "/lib/udev/rules.d"]
            .contains { FileManager.default.fileExists(atPath: $0 + "/70-glutebridge.rules") }
        if !installed {
            #expect(udev["status"] as? String == "WARN")
            #expect((udev["fix"] as? String)?.hasPrefix("sudo cp \(rules.path) /etc/udev/rules.d/") == true)
        } else {
            #expect(udev["status"] as? String == "WARN" || udev["status"] as? String == "OK")
        }
    }

    /// The file goes into the printed fix (`sudo cp FILE ...`), so it must be our rules: a missing
    /// file, a folder, /dev/zero or some other text is one line, status 1, before any check runs.
    @Test func rulesThatAreNotOurRulesFileAreOneLine() throws {
        let other = temporaryDirectory().appendingPathComponent("notes.txt")
        try Data("hello\n".utf8).write(to: other)
        for (path, words) in [("/nonexistent/70.rules", "cannot open it"), ("/", "is a directory"),
                              ("/dev/zero", "larger than 1 MiB"), (other.path, "not glutebridge's udev rules")] {
            let result = try CLI.run(["doctor", "--rules", path])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("--rules \(path): \(words)"), "\(result.stderr)")
        }
    }
}
