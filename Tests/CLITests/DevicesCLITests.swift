import Foundation
import Testing

/// `glutebridge devices` against umockdev test beds: hand-written sysfs trees under
/// Tests/Fixtures/udev that the umockdev preload library shows the binary in place of /sys and /dev.
@Suite("glutebridge devices", .serialized)
struct DevicesCLITests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/udev")
    static let beltSysPath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/tty/ttyACM0"

    static func executable(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let umockdevRun = executable("umockdev-run")
    static let umockdevWrapper = executable("umockdev-wrapper")
    static let compiler = executable("cc") ?? executable("clang")
    static let canRunTestbed = CLI.available && umockdevRun != nil
    static let canDriveUevents = CLI.available && umockdevWrapper != nil && compiler != nil && executable("pkg-config") != nil

    /// Runs `glutebridge ARGS` inside a test bed made from one fixture, through umockdev-run.
    static func runInTestbed(_ fixture: String, _ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: umockdevRun!)
        process.arguments = ["-d", fixtures.appendingPathComponent(fixture).path, "--", CLI.binary.path] + arguments
        return try CLI.collect(process)
    }


    @Test("--json lists the fake USB CDC sensor with VID:PID, serial and the rules' tag",
          .enabled(if: canRunTestbed, "needs umockdev-run (make deps) and a built glutebridge"))
    func listsFakeSensor() throws {
        let result = try Self.runInTestbed("glutebridge-belt.umockdev", ["devices", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let devices = result.stdoutLines.compactMap(jsonObject)
        #expect(devices.count == result.stdoutLines.count, "every line is a JSON object")
        let belt = try #require(devices.first { $0["devnode"] as? String == "/dev/ttyACM0" }, "\(result.stdout)")
        #expect(belt["vid_pid"] as? String == "1209:0001")
        #expect(belt["serial"] as? String == "GB0042")
        #expect(belt["product"] as? String == "GluteBridge Belt")
        #expect(belt["driver"] as? String == "cdc_acm")
        #expect(belt["tagged"] as? Bool == true)
        #expect(belt["protocol"] as? String == "native")
        #expect(belt["by_id"] as? String == "/dev/serial/by-id/usb-pid.codes_GluteBridge_Belt_GB0042-if00")
        #expect(belt["links"] as? [String] == ["/dev/glutebridge-native-GB0042"])
        #expect(belt["syspath"] as? String == Self.beltSysPath)
    }

    @Test("Without udev properties, VID:PID and driver come from sysfs; placeholder and virtual ttys are left out",
          .enabled(if: canRunTestbed, "needs umockdev-run (make deps) and a built glutebridge"))
    func sysfsFallbacksAndFiltering() throws {
        let result = try Self.runInTestbed("witmotion-ch340-untagged.umockdev", ["devices", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let devices = result.stdoutLines.compactMap(jsonObject)
        let nodes = devices.compactMap { $0["devnode"] as? String }
        // The fixture holds ttyUSB0 (CH340), ttyS0 (a UART on pnp), ttyS1 (an 8250 placeholder) and tty0.
        #expect(nodes == ["/dev/ttyS0", "/dev/ttyUSB0"])
        let bridge = try #require(devices.first { $0["devnode"] as? String == "/dev/ttyUSB0" })
        #expect(bridge["vid_pid"] as? String == "1a86:7523")
        #expect(bridge["driver"] as? String == "ch341")
        #expect(bridge["tagged"] as? Bool == false)
        #expect(bridge["protocol"] as? String == "witmotion")
        #expect(bridge["serial"] is NSNull)
        let uart = try #require(devices.first { $0["devnode"] as? String == "/dev/ttyS0" })
        #expect(uart["driver"] as? String == "serial", "the pnp driver, not serial-base's 'port'")
        #expect(uart["protocol"] as? String == "unknown")
    }

    @Test("The table shows one row per device under a header",
          .enabled(if: canRunTestbed, "needs umockdev-run (make deps) and a built glutebridge"))
    func table() throws {
        let result = try Self.runInTestbed("glutebridge-belt.umockdev", ["devices"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("DEVICE") == true)
        let row = try #require(lines.last)
        for cell in ["/dev/ttyACM0", "1209:0001", "GB0042", "GluteBridge Belt", "cdc_acm", "native"] {
            #expect(row.contains(cell), "\(cell) in \(row)")
        }
    }

    @Test("No candidate device: one line that says so, and --json prints nothing on stdout",
          .enabled(if: canRunTestbed, "needs umockdev-run (make deps) and a built glutebridge"))
    func emptyList() throws {
        let table = try Self.runInTestbed("virtual-only.umockdev", ["devices"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdoutLines.count == 1)
        #expect(table.stdout.contains("no serial devices found"))
        #expect(table.stdout.contains("plug the sensor in"))
        let json = try Self.runInTestbed("virtual-only.umockdev", ["devices", "--json"])
        #expect(json.status == 0)
        #expect(json.stdout.isEmpty)
        #expect(json.stderr.contains("no serial devices found"))
    }

    @Test("An add and a remove uevent reach the hotplug monitor (devices --watch)",
          .enabled(if: canDriveUevents, "needs umockdev-wrapper, libumockdev-dev (make deps), a C compiler and a built glutebridge"))
    func hotplugEventsReachMonitor() throws {
        // umockdev-run cannot emit uevents; a small C driver owning the test bed does (see its header).
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let driver = dir.appendingPathComponent("uevent-driver")
        let flags = try CLI.collect(Self.process("/bin/sh", ["-c", "pkg-config --cflags --libs umockdev-1.0"]))
        try #require(flags.status == 0, "pkg-config umockdev-1.0: \(flags.stderr)")
        let compile = try CLI.collect(Self.process(Self.compiler!, [
            Self.fixtures.appendingPathComponent("uevent-driver.c").path, "-o", driver.path,
        ] + flags.stdout.split(whereSeparator: \.isWhitespace).map(String.init)))
        try #require(compile.status == 0, "compiling the uevent driver: \(compile.stderr)")

        let started = Date()
        let result = try CLI.collect(Self.process(Self.umockdevWrapper!, [
            driver.path, Self.fixtures.appendingPathComponent("glutebridge-belt.umockdev").path, Self.beltSysPath,
            CLI.binary.path, "devices", "--watch", "--count", "2", "--timeout", "10s",
        ]))
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines.compactMap(jsonObject)
        try #require(lines.count == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(lines[0]["watching"] as? String == "tty")
        #expect(lines[1]["action"] as? String == "add")
        #expect(lines[2]["action"] as? String == "remove")
        for event in lines.dropFirst() {
            #expect(event["devnode"] as? String == "/dev/ttyACM0")
            #expect(event["syspath"] as? String == Self.beltSysPath)
        }
        let added = try #require(lines[1]["device"] as? [String: Any])
        #expect(added["vid_pid"] as? String == "1209:0001")
        #expect(added["protocol"] as? String == "native")
        #expect(elapsed < 10, "the events arrived before the watch's own timeout (\(elapsed) s)")
    }

    @Test("--watch ends at --timeout with an error naming how many events came",
          .enabled(if: canRunTestbed, "needs umockdev-run (make deps) and a built glutebridge"))
    func watchTimesOut() throws {
        // Inside a test bed no uevent arrives unless a driver sends one.
        let result = try Self.runInTestbed("glutebridge-belt.umockdev", ["devices", "--watch", "--count", "1", "--timeout", "0.3s"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("0 of 1 events"), "\(result.stderr)")
        #expect(result.stdoutLines.first.flatMap(jsonObject)?["watching"] as? String == "tty")
    }

    @Test("--count without --watch is refused; --help documents --watch and gives examples",
          .enabled(if: CLI.available, "needs a built glutebridge"))
    func usage() throws {
        let refused = try CLI.run(["devices", "--count", "2"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--watch"))
        let help = try CLI.run(["devices", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--watch"))
        #expect(help.stdout.contains("glutebridge devices --json"))
    }

    static func process(_ path: String, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        return process
    }
}
