import ArgumentParser
import GluteDevices
import GluteLog
import GluteSession
import GluteWire

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan for Bluetooth LE sensors and list what advertises nearby.",
        discussion: """
        Runs an active LE scan on a raw HCI socket and lists every advertiser with its address, address type, signal strength (RSSI, dBm), name, the sensor profile it offers and its service UUIDs. Devices offering a supported profile come first: the GluteBridge firmware (native), WitMotion BLE IMUs and the BBC micro:bit (recognised by its name). The SOURCE column of a sensor is what `monitor` takes. Ctrl-C ends the scan early and lists what was found.

        Scanning needs CAP_NET_RAW. Without it, either run it with sudo or give the binary the capability once:
          sudo setcap 'cap_net_raw,cap_net_admin+eip' $(command -v glutebridge)

        --json prints one JSON object per device: address, address_type, rssi, rssi_best, name, name_complete, profile, source, services, manufacturer_data, service_data, tx_power, flags, connectable, seen, scan_responses.

        Examples:
          glutebridge scan
          glutebridge scan --timeout 30s --adapter hci1
          glutebridge scan --json | jq -r 'select(.profile != null) | .source'
        """
    )

    @Option(parsing: .unconditional, help: ArgumentHelp("How long to scan (default: 10s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var timeout: DurationArgument?

    private var seconds: Double { timeout?.seconds ?? 10 }

    @Flag(help: "One JSON object per device instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("The Bluetooth adapter to scan with (`bluetoothctl list`).", valueName: "hciN"))
    var adapter = "hci0"

    func validate() throws {
        try OptionRange.duration("--timeout", timeout, atMost: 86_400)
        if HCIScannerOpener.deviceIndex(adapter) == nil { throw ValidationError("--adapter takes hci0, hci1, ...") }
    }

    func run() throws {
        let trap = SignalTrap.install()
        let scanner: HCIScanner
        do { scanner = try HCIScanner.open(adapter: adapter) } catch { throw CLIError(error.description) }
        if !json { Output.error("scanning on \(adapter) for \(TextFormatting.fixed(seconds, decimals: seconds == seconds.rounded() ? 0 : 1)) s (Ctrl-C ends early)") }
        var aggregator = ScanAggregator()
        let outcome: HCIScanner.Outcome
        do {
            outcome = try scanner.scan(duration: seconds, interrupts: trap.map { [$0.pollDescriptor] } ?? []) { report, time in
                aggregator.add(report, at: time)
            }
        } catch {
            throw CLIError(error.description)
        }
        let devices = aggregator.sortedDevices
        if json {
            for device in devices { Output.line(Self.json(device)) }
        } else if devices.isEmpty {
            Output.line("no Bluetooth LE devices found: is the sensor on, charged and advertising (not connected to a phone)? Try a longer --timeout")
        } else {
            Self.printTable(devices)
        }
        if let stopError = outcome.stopError { Output.error("warning: could not turn scanning off: \(stopError)") }
        if !json {
            let ended = outcome.ending == .interrupted ? ", ended early" : ""
            Output.error("\(devices.count) devices from \(outcome.reports) reports (\(outcome.mode.rawValue) scan\(ended))")
        }
    }

    static func printTable(_ devices: [DiscoveredDevice]) {
        let header = ["ADDRESS", "TYPE", "RSSI", "NAME", "PROFILE", "SOURCE", "SERVICES"]
        let rows = devices.map { device in
            [device.addressText, device.addressType.description, device.rssiLatest.map { String($0) } ?? "-",
             device.name ?? "-", device.profile?.rawValue ?? "-", device.profile == nil ? "-" : device.sourceSpec,
             device.services.isEmpty ? "-" : device.services.map(shortUUID).joined(separator: ",")].map(TerminalText.escaped)
        }
        Output.table(header: header, rows: rows)
    }

    /// `0x180F` for a UUID on the Bluetooth base, the full form otherwise.
    static func shortUUID(_ uuid: BluetoothUUID) -> String {
        guard let short = uuid.shortValue else { return uuid.description }
        let digits = String(short, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    static func json(_ device: DiscoveredDevice) -> String {
        func number<T: BinaryInteger>(_ value: T?) -> String { value.map { String($0) } ?? "null" }
        let services = device.services.map { TextFormatting.jsonString($0.description) }.joined(separator: ",")
        let manufacturer = device.manufacturerData.map {
            "{\"company_id\":\($0.companyID),\"data\":\(TextFormatting.jsonString(hex($0.data)))}"
        }.joined(separator: ",")
        let serviceData = device.serviceData.map {
            "{\"uuid\":\(TextFormatting.jsonString($0.uuid.description)),\"data\":\(TextFormatting.jsonString(hex($0.data)))}"
        }.joined(separator: ",")
        return "{\"address\":\(TextFormatting.jsonString(device.addressText)),"
            + "\"address_type\":\(TextFormatting.jsonString(device.addressType.description)),"
            + "\"rssi\":\(number(device.rssiLatest)),\"rssi_best\":\(number(device.rssiBest)),"
            + "\"name\":\(device.name.map(TextFormatting.jsonString) ?? "null"),\"name_complete\":\(device.isNameComplete),"
            + "\"profile\":\(device.profile.map { TextFormatting.jsonString($0.rawValue) } ?? "null"),"
            + "\"source\":\(TextFormatting.jsonString(device.sourceSpec)),"
            + "\"services\":[\(services)],\"manufacturer_data\":[\(manufacturer)],\"service_data\":[\(serviceData)],"
            + "\"tx_power\":\(number(device.txPower)),\"flags\":\(number(device.flags)),"
            + "\"connectable\":\(device.isConnectable),\"seen\":\(device.timesSeen),\"scan_responses\":\(device.scanResponses)}"
    }
}
