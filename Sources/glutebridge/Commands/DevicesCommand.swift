import ArgumentParser
import GluteDevices
import GluteLog
import GluteSession
import GluteWire

struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the serial devices a sensor could be behind.",
        discussion: """
        Asks udev for every serial port with real hardware behind it and shows its device node, /dev/serial/by-id link, USB VID:PID, serial number, product string and driver, whether the GluteBridge udev rules (udev-rules/70-glutebridge.rules) tagged it, and the protocol expected from it: native (1209:0001 with a GluteBridge product string), witmotion (CH340 1a86:7523, CP210x 10c4:ea60) or unknown. Opens no device.

        --watch is a diagnostic: it prints a {"watching":...} line, then one JSON object per tty add/remove event from the udev monitor, until --count events, --timeout or Ctrl-C. Events come only while udevd runs; without it (containers) sessions reconnect by retrying.

        Examples:
          glutebridge devices
          glutebridge devices --json
          glutebridge devices --watch --count 2
        """
    )

    @Flag(help: "One JSON object per device instead of a table.")
    var json = false

    @Flag(help: "Diagnostic: print tty add/remove events from the udev monitor as JSON.")
    var watch = false

    @Option(parsing: .unconditional, help: ArgumentHelp("With --watch: exit after this many events.", valueName: "N"))
    var count: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --watch: exit after this long without reaching --count.", valueName: "DURATION"), transform: DurationArgument.parse)
    var timeout: DurationArgument?

    func validate() throws {
        if !watch, count != nil || timeout != nil { throw ValidationError("--count and --timeout go with --watch") }
        if let count { try OptionRange.integer("--count", count, in: 1...1_000_000) }
        try OptionRange.duration("--timeout", timeout)
    }

    func run() throws {
        if watch { try watchEvents() } else { try list() }
    }

    private func list() throws {
        let devices: [SerialDeviceInfo]
        do { devices = try SerialDeviceDiscovery.candidates() } catch { throw CLIError("devices: \(error)") }
        if devices.isEmpty {
            // One line on stderr keeps `--json` output an empty, valid JSONL stream.
            let hint = "no serial devices found: plug the sensor in (dmesg shows a new ttyACM/ttyUSB when the kernel sees it) and run this again; `glutebridge doctor` checks rules and permissions"
            if json { Output.error(hint) } else { Output.line(hint) }
            return
        }
        if json {
            for device in devices { Output.line(Self.json(device)) }
        } else {
            printTable(devices)
            if !UdevDaemon.isRunning, !devices.contains(where: { $0.taggedByRules || $0.byIDPath != nil }) {
                Output.error("note: udevd is not running here, so by-id links and rule tags are missing")
            }
        }
    }

    private func printTable(_ devices: [SerialDeviceInfo]) {
        let header = ["DEVICE", "VID:PID", "SERIAL", "PRODUCT", "DRIVER", "RULES", "PROTOCOL", "BY-ID"]
        let rows = devices.map { device in
            [device.devnode, device.vidPid ?? "-", device.serialNumber ?? "-", device.product ?? "-",
             device.driver ?? "-", device.taggedByRules ? "yes" : "no", device.expectedProtocol.rawValue,
             device.byIDPath ?? device.stableLinks.first ?? "-"].map(TerminalText.escaped)
        }
        Output.table(header: header, rows: rows)
    }

    private func watchEvents() throws {
        let monitor: HotplugMonitor
        do { monitor = try HotplugMonitor(subsystem: "tty") } catch { throw CLIError("devices: \(error)") }
        let trap = SignalTrap.install()
        // The first line tells a script (and the tests) the monitor is listening.
        Output.line("{\"watching\":\"tty\",\"udevd\":\(UdevDaemon.isRunning)}")
        if !UdevDaemon.isRunning {
            Output.error("note: udevd is not running here; no hotplug events will arrive unless something else sends them")
        }
        let start = HostClock.now().monotonic
        var printed = 0
        while count.map({ printed < $0 }) ?? true {
            let remaining = timeout.map { $0.seconds - (HostClock.now().monotonic - start) }
            if let remaining, remaining <= 0 { break }
            let events: [HotplugEvent]
            do {
                events = try monitor.wait(timeoutSeconds: remaining, interrupts: trap.map { [$0.pollDescriptor] } ?? [])
            } catch { throw CLIError("devices: \(error)") }
            if events.isEmpty, let trap, Self.isReadable(trap.pollDescriptor) { break }
            for event in events {
                Output.line(Self.json(event))
                printed += 1
                if let count, printed >= count { break }
            }
        }
        if let count, printed < count { throw CLIError("devices: \(printed) of \(count) events before the watch ended") }
    }

    private static func isReadable(_ descriptor: Int32) -> Bool {
        StandardStreams.isReadable(descriptor)
    }

    static func json(_ device: SerialDeviceInfo) -> String {
        func field(_ value: String?) -> String { value.map(TextFormatting.jsonString) ?? "null" }
        let links = device.stableLinks.map(TextFormatting.jsonString).joined(separator: ",")
        return "{\"devnode\":\(field(device.devnode)),\"by_id\":\(field(device.byIDPath)),\"links\":[\(links)],"
            + "\"vid_pid\":\(field(device.vidPid)),\"serial\":\(field(device.serialNumber)),"
            + "\"product\":\(field(device.product)),\"driver\":\(field(device.driver)),"
            + "\"tagged\":\(device.taggedByRules),\"protocol\":\(field(device.expectedProtocol.rawValue)),"
            + "\"syspath\":\(field(device.sysPath))}"
    }

    static func json(_ event: HotplugEvent) -> String {
        let device = event.device.map(json) ?? "null"
        return "{\"action\":\(TextFormatting.jsonString(event.action.description)),"
            + "\"devnode\":\(event.devnode.map(TextFormatting.jsonString) ?? "null"),"
            + "\"syspath\":\(TextFormatting.jsonString(event.sysPath)),\"device\":\(device)}"
    }
}
