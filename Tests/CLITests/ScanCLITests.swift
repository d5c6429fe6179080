import Foundation
import Glibc
import GluteWire
import Testing

/// A fake HCI controller listening on a `SOCK_SEQPACKET` unix socket, for `GLUTEBRIDGE_HCI_SOCKET`:
/// answers every command with success (or refuses the legacy ones, to force the extended path),
/// sends advertising events once scanning is on, and records the commands it got.
///
/// `@unchecked Sendable`: `storedCommands` is touched only while `condition` is locked; the
/// descriptors belong to the controller thread once started.
private final class ListeningFakeController: @unchecked Sendable {
    let path: String
    private let listener: CInt
    private let refuseLegacy: Bool
    private let adverts: [[UInt8]]
    private let condition = NSCondition()
    private var storedCommands: [HCICommand] = []
    private var finished = false
    private var advertsSent = false

    init(adverts: [[UInt8]], refuseLegacy: Bool = false) throws {
        path = temporaryDirectory().appendingPathComponent("hci.sock").path
        self.adverts = adverts
        self.refuseLegacy = refuseLegacy
        listener = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "bind \(path): errno \(errno)")
        try #require(listen(listener, 1) == 0)
        Thread { self.serve() }.start()
    }

    private func serve() {
        let connection = accept(listener, nil, nil)
        Glibc.close(listener)
        defer { condition.withLock { finished = true; condition.broadcast() } }
        guard connection >= 0 else { return }
        defer { Glibc.close(connection) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0, let command = HCICommand(packet: buffer[..<count]) else { return }
            condition.withLock { storedCommands.append(command); condition.broadcast() }
            let legacy = command.opcode == .leSetScanParameters || command.opcode == .leSetScanEnable
            let status: UInt8 = refuseLegacy && legacy ? 0x0C : 0x00
            var replies = [HCIEvent.commandComplete(HCICommandComplete(opcode: command.opcode, returnParameters: [status])).packet]
            if status == 0, command.parameters.first == 1, !legacy || command.opcode == .leSetScanEnable { replies += adverts }
            for reply in replies { _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) } }
            if replies.count > 1 { condition.withLock { advertsSent = true; condition.broadcast() } }
        }
    }

    var commands: [HCICommand] { condition.withLock { storedCommands } }

    /// Waits until scanning was turned on and the adverts were sent; false after 30 s.
    func waitForAdverts() -> Bool {
        let deadline = Date(timeIntervalSinceNow: 30)
        return condition.withLock {
            while !advertsSent { if !condition.wait(until: deadline) { return false } }
            return true
        }
    }

    /// Waits until the scanner hung up; false after 30 s.
    func waitUntilClosed() -> Bool {
        let deadline = Date(timeIntervalSinceNow: 30)
        return condition.withLock {
            while !finished { if !condition.wait(until: deadline) { return finished } }
            return true
        }
    }
}

/// A native sensor (weak signal), a phone (strong), and a device whose name carries an escape
/// sequence, as legacy advertising events; `extended` gives them as extended reports.
private func adverts(extended: Bool = false) -> [[UInt8]] {
    func report(_ address: [UInt8], _ type: UInt16, _ rssi: Int8, _ structures: [ADStructure]) -> LEAdvertisingReport {
        LEAdvertisingReport(format: extended ? .extended : .legacy, eventType: extended ? 0x10 | (type == 4 ? 0x0A : 0x03) : type,
                            addressType: .public, address: address, rssiRaw: rssi, data: ADStructure.encode(structures))
    }
    let sensor: [UInt8] = [0xC0, 0xFF, 0xEE, 0x00, 0x00, 0x01]
    let reports = [
        report(sensor, 0, -75, [ADStructure(type: .flags, data: [0x06]), .services128([NativeGATT.service])]),
        report(sensor, 4, -72, [.localName("GluteBridge")]),
        report([0x11, 0x22, 0x33, 0x44, 0x55, 0x66], 0, -35, [.localName("Phone"), .manufacturer(0x004C, [0x10, 0x05])]),
        report([0x0B, 0xAD, 0x0B, 0xAD, 0x0B, 0xAD], 0, -50, [.localName("evil\u{1B}[2J")]),
    ]
    return reports.map { extended ? HCIEvent.leExtendedAdvertisingReports([$0]).packet : HCIEvent.leAdvertisingReports([$0]).packet }
}

@Suite("scan, run as a process", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ScanCLITests {
    static var kernelHasBluetooth: Bool {
        let protocols = (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8)) ?? ""
        return protocols.contains("BLUETOOTH") || protocols.contains("HCI")
    }

    @Test(.enabled(if: !kernelHasBluetooth, "this kernel has Bluetooth: the EAFNOSUPPORT path cannot be shown here"))
    func noBluetoothInKernelIsOneLine() throws {
        let result = try CLI.run(["scan", "--timeout", "1s"])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("EAFNOSUPPORT") == true)
        #expect(errors.first?.contains("CONFIG_BT") == true)
        #expect(result.stdout.isEmpty)
    }

    @Test("the table lists the native sensor first, with its source, and escapes device names")
    func table() throws {
        let controller = try ListeningFakeController(adverts: adverts())
        let result = try CLI.run(["scan", "--timeout", "0.5s"], environment: ["GLUTEBRIDGE_HCI_SOCKET": controller.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("ADDRESS") == true)
        let first = try #require(lines.dropFirst().first)
        #expect(first.hasPrefix("C0:FF:EE:00:00:01"))
        #expect(first.contains("GluteBridge") && first.contains("native") && first.contains("ble:C0:FF:EE:00:00:01?profile=native"))
        #expect(first.contains(NativeGATT.service.description))
        #expect(lines[2].hasPrefix("11:22:33:44:55:66"), "then by RSSI")
        #expect(!result.stdout.utf8.contains(0x1B), "a device name must not reach the terminal raw")
        #expect(result.stdout.contains("evil\\x1b[2J"))
        #expect(result.stderr.contains("3 devices from 4 reports (legacy scan)"))
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.last?.packet == HCICommand.leSetScanEnable(false, filterDuplicates: false).packet)
    }

    @Test("--json: one object per device, sensors first, through the extended commands when legacy is refused")
    func json() throws {
        let controller = try ListeningFakeController(adverts: adverts(extended: true), refuseLegacy: true)
        let result = try CLI.run(["scan", "--timeout", "0.5s", "--json"], environment: ["GLUTEBRIDGE_HCI_SOCKET": controller.path])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = result.stdoutLines.compactMap(jsonObject)
        #expect(objects.count == 3)
        #expect(objects.count == result.stdoutLines.count, "every line is a JSON object")
        let sensor = try #require(objects.first)
        #expect(sensor["address"] as? String == "C0:FF:EE:00:00:01")
        #expect(sensor["profile"] as? String == "native")
        #expect(sensor["name"] as? String == "GluteBridge")
        #expect(sensor["source"] as? String == "ble:C0:FF:EE:00:00:01?profile=native")
        #expect(sensor["rssi"] as? Int == -72)
        #expect(sensor["rssi_best"] as? Int == -72)
        #expect(sensor["seen"] as? Int == 2)
        #expect(sensor["scan_responses"] as? Int == 1)
        #expect(sensor["services"] as? [String] == [NativeGATT.service.description])
        let phone = try #require(objects.dropFirst().first)
        #expect(phone["profile"] is NSNull)
        let manufacturer = try #require((phone["manufacturer_data"] as? [[String: Any]])?.first)
        #expect(manufacturer["company_id"] as? Int == 0x004C)
        #expect(manufacturer["data"] as? String == "1005")
        #expect(objects.last?["name"] as? String == "evil\u{1B}[2J", "JSON keeps the name, escaped by the encoder")
        #expect(!result.stdout.utf8.contains(0x1B))
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.last?.packet == HCICommand.leSetExtendedScanEnable(false, filterDuplicates: false).packet)
    }

    @Test("SIGINT ends the scan early: the devices found are listed and scanning is turned off")
    func interrupt() throws {
        let controller = try ListeningFakeController(adverts: adverts())
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["scan", "--timeout", "10m"]
        var environment = isolatedEnvironment
        environment["GLUTEBRIDGE_HCI_SOCKET"] = controller.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        // Adverts already in the socket are read before the interrupt is noticed.
        try #require(controller.waitForAdverts())
        kill(process.processIdentifier, SIGINT)
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(output.split(separator: "\n").dropFirst().first?.hasPrefix("C0:FF:EE:00:00:01") == true, "\(output)")
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.last?.packet == HCICommand.leSetScanEnable(false, filterDuplicates: false).packet)
    }

    @Test("--help has examples and the capability fix; a bad --adapter is a usage error")
    func helpAndValidation() throws {
        let help = try CLI.run(["scan", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("glutebridge scan --json"))
        #expect(help.stdout.contains("setcap 'cap_net_raw,cap_net_admin+eip'"))
        let bad = try CLI.run(["scan", "--adapter", "wlan0"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--adapter"))
        let zero = try CLI.run(["scan", "--timeout", "0s"])
        #expect(zero.status == 64)
    }
}
