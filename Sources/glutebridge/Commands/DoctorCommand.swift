import ArgumentParser
import GluteDevices
import GluteSession

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check what stands between this machine and a working sensor.",
        discussion: """
        Checks the udev rules, access to serial ports (group or uaccess),
        ModemManager, visible serial devices, Bluetooth in the kernel, the
        adapter, the right to scan (CAP_NET_RAW) and notify-send. Each line
        says OK, INFO, WARN or FAIL, with the command that fixes it. Exits
        with status 1 when a check fails.

        Examples:
          glutebridge doctor
          glutebridge doctor --json | jq '.checks[] | select(.status != "OK")'
        """
    )

    @Flag(help: "Print one JSON object with an array of checks {name, status, detail, fix}.")
    var json = false

    @Option(help: ArgumentHelp("The repository's udev rules to compare the installed ones with.", valueName: "FILE"))
    var rules: String?

    func run() throws {
        if let rules { try Self.checkRulesFile(rules) }
        let probe = SystemDoctorProbe(bundledRulesPath: rules ?? SystemDoctorProbe.rulesNextToExecutable())
        let checks = Doctor(probe: probe).run()
        if json {
            Output.line(DoctorReport.json(checks))
        } else {
            // Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
            let colour = StandardStreams.allowsColour(1)
            for line in DoctorReport.lines(checks, colour: colour) { Output.line(line) }
        }
        if Doctor.failed(checks) { throw ExitCode(1) }
    }

    /// `--rules` ends up in the printed fix (`sudo cp FILE /etc/udev/rules.d/`): it must be our
    /// rules, not /dev/zero, a folder or a typo.
    private static func checkRulesFile(_ path: String) throws {
        let bytes: [UInt8]
        do { bytes = try PrivateFile.contents(of: path, limit: 1 << 20) } catch {
            throw CLIError("--rules \(path): \(error.problem(limit: "1 MiB"))")
        }
        guard String(decoding: bytes, as: UTF8.self).contains("GLUTEBRIDGE_PROTOCOL") else {
            throw CLIError("--rules \(path): not glutebridge's udev rules (no GLUTEBRIDGE_PROTOCOL in it; the file is udev-rules/70-glutebridge.rules)")
        }
    }
}
