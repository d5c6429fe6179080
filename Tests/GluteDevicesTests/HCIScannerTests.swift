import Foundation
import Glibc
import GluteWire
import Testing
@testable import GluteDevices

/// Advertising events a controller would send once scanning is on.
private enum Adverts {
    static let nativeAddress: [UInt8] = [0xC0, 0xFF, 0xEE, 0x00, 0x00, 0x01]

    static func legacy(_ address: [UInt8], type: UInt16 = 0, rssi: Int8, _ structures: [ADStructure]) -> LEAdvertisingReport {
        LEAdvertisingReport(format: .legacy, eventType: type, addressType: .public, address: address, rssiRaw: rssi,
                            data: ADStructure.encode(structures))
    }

    /// A native sensor's advertisement and scan response, and a phone, in two events.
    static let legacyEvents: [[UInt8]] = [
        HCIEvent.leAdvertisingReports([legacy(nativeAddress, rssi: -60, [.services128([NativeGATT.service])])]).packet,
        HCIEvent.leAdvertisingReports([legacy(nativeAddress, type: 4, rssi: -58, [.localName("GluteBridge")]),
                                       legacy([1, 2, 3, 4, 5, 6], rssi: -40, [.manufacturer(0x004C, [1, 2])])]).packet,
    ]

    /// The same sensor seen through extended reports.
    static let extendedEvents: [[UInt8]] = {
        var report = LEAdvertisingReport(format: .extended, eventType: 0x0013, addressType: .public, address: nativeAddress,
                                         rssiRaw: -61, data: ADStructure.encode([.services128([NativeGATT.service]), .localName("GluteBridge")]))
        report.advertisingSID = 0xFF
        return [HCIEvent.leExtendedAdvertisingReports([report]).packet]
    }()
}

@Suite("HCI scanner against a fake controller")
struct HCIScannerTests {
    private func settings(commandTimeout: Double = 2) -> HCIScannerSettings {
        var settings = HCIScannerSettings()
        settings.commandTimeout = commandTimeout
        return settings
    }

    @Test("legacy path: disable, parameters, enable, reports, disable at the end")
    func legacyPath() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            [FakeHCIController.complete(command)] + (FakeHCIController.isEnable(command) ? Adverts.legacyEvents : [])
        }
        let scanner = HCIScanner(transport: transport, settings: settings())
        var reports: [LEAdvertisingReport] = []
        var aggregator = ScanAggregator()
        let outcome = try scanner.scan(duration: 0.3) { report, time in
            reports.append(report)
            aggregator.add(report, at: time)
        }
        #expect(outcome.mode == .legacy)
        #expect(outcome.ending == .timeout)
        #expect(outcome.reports == 3)
        #expect(outcome.stopError == nil)
        #expect(reports.count == 3)
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.map(\.packet) == [
            HCICommand.leSetScanEnable(false, filterDuplicates: false).packet,
            HCICommand.leSetScanParameters(LEScanSettings()).packet,
            HCICommand.leSetScanEnable(true, filterDuplicates: false).packet,
            HCICommand.leSetScanEnable(false, filterDuplicates: false).packet,
        ])
        let devices = aggregator.sortedDevices
        #expect(devices.map(\.addressText) == ["C0:FF:EE:00:00:01", "01:02:03:04:05:06"], "the sensor first, though weaker")
        #expect(devices.first?.name == "GluteBridge")
        #expect(devices.first?.profile == .native)
    }

    @Test("Command Disallowed on the legacy parameters switches to the extended commands")
    func extendedFallback() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            switch command.opcode {
            case .leSetScanEnable, .leSetScanParameters: return [FakeHCIController.complete(command, .commandDisallowed)]
            default: return [FakeHCIController.complete(command)] + (FakeHCIController.isEnable(command) ? Adverts.extendedEvents : [])
            }
        }
        let scanner = HCIScanner(transport: transport, settings: settings())
        var reports: [LEAdvertisingReport] = []
        let outcome = try scanner.scan(duration: 0.3) { report, _ in reports.append(report) }
        #expect(outcome.mode == .extended)
        #expect(reports.count == 1)
        #expect(reports.first?.format == .extended)
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.map(\.opcode) == [.leSetScanEnable, .leSetScanParameters, .leSetExtendedScanEnable,
                                                       .leSetExtendedScanParameters, .leSetExtendedScanEnable, .leSetExtendedScanEnable])
        #expect(controller.commands.last?.packet == HCICommand.leSetExtendedScanEnable(false, filterDuplicates: false).packet,
                "scanning is turned off with the command set that turned it on")
    }

    @Test("Unknown HCI Command in a Command Status also switches to the extended commands")
    func unknownCommandFallback() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            command.opcode == .leSetScanParameters ? [FakeHCIController.status(command, .unknownCommand)]
                : [FakeHCIController.complete(command)]
        }
        let outcome = try HCIScanner(transport: transport, settings: settings()).scan(duration: 0.05) { _, _ in }
        #expect(outcome.mode == .extended)
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.filter(FakeHCIController.isEnable).map(\.opcode) == [.leSetExtendedScanEnable])
    }

    @Test("a refused enable is an error naming the command and status; nothing is left enabled")
    func refusedEnable() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            [FakeHCIController.complete(command, FakeHCIController.isEnable(command) ? .commandDisallowed : .success)]
        }
        #expect(throws: HCIScannerError.commandFailed(command: .leSetScanEnable, status: .commandDisallowed)) {
            _ = try HCIScanner(transport: transport, settings: settings()).scan(duration: 1) { _, _ in }
        }
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.count == 3, "no disable after an enable that failed: \(controller.commands)")
        let message = HCIScannerError.commandFailed(command: .leSetScanEnable, status: .commandDisallowed).description
        #expect(message.contains("LE Set Scan Enable") && message.contains("Command Disallowed (0x0C)") && message.contains("bluetoothctl scan off"))
    }

    @Test("a refused extended parameters command fails without enabling")
    func refusedExtendedParameters() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            switch command.opcode {
            case .leSetScanParameters: return [FakeHCIController.complete(command, .unknownCommand)]
            case .leSetExtendedScanParameters: return [FakeHCIController.complete(command, .invalidParameters)]
            default: return [FakeHCIController.complete(command)]
            }
        }
        #expect(throws: HCIScannerError.commandFailed(command: .leSetExtendedScanParameters, status: .invalidParameters)) {
            _ = try HCIScanner(transport: transport, settings: settings()).scan(duration: 1) { _, _ in }
        }
        #expect(controller.waitUntilClosed())
        #expect(!controller.commands.contains(where: FakeHCIController.isEnable))
    }

    @Test("other statuses on the legacy parameters are errors, not a fallback")
    func legacyParametersError() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            [FakeHCIController.complete(command, command.opcode == .leSetScanParameters ? .invalidParameters : .success)]
        }
        #expect(throws: HCIScannerError.commandFailed(command: .leSetScanParameters, status: .invalidParameters)) {
            _ = try HCIScanner(transport: transport, settings: settings()).scan(duration: 1) { _, _ in }
        }
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.count == 2)
    }

    @Test("a silent controller times out within the command timeout")
    func controllerTimeout() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            command.opcode == .leSetScanParameters ? [] : [FakeHCIController.complete(command)]
        }
        let start = HostClock.now().monotonic
        #expect(throws: HCIScannerError.controllerTimeout(command: .leSetScanParameters, seconds: 0.2)) {
            _ = try HCIScanner(transport: transport, settings: settings(commandTimeout: 0.2)).scan(duration: 1) { _, _ in }
        }
        let elapsed = HostClock.now().monotonic - start
        #expect(elapsed >= 0.19 && elapsed < hangGuard)
        #expect(controller.waitUntilClosed())
        #expect(HCIScannerError.controllerTimeout(command: .leSetScanParameters, seconds: 0.2).description
            .contains("did not answer LE Set Scan Parameters within 0.2 s"))
    }

    @Test("an interrupt ends an endless scan, and scanning is still turned off")
    func interrupted() throws {
        let (transport, controller) = try FakeHCIController.start { command in [FakeHCIController.complete(command)] }
        let wakeUp = try WakeUp()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { wakeUp.signal() }
        let outcome = try HCIScanner(transport: transport, settings: settings())
            .scan(duration: nil, interrupts: [wakeUp.pollDescriptor]) { _, _ in }
        #expect(outcome.ending == .interrupted)
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.last?.packet == HCICommand.leSetScanEnable(false, filterDuplicates: false).packet)
    }

    @Test("stray and malformed events are passed over and counted")
    func strayEvents() throws {
        let garbage: [[UInt8]] = [[0x04, 0x3E, 0x05, 0x02, 0x01], [0x04], [0x04, 0x0E, 0x04, 0x01, 0x99, 0x20, 0x00]]
        let (transport, controller) = try FakeHCIController.start { command in
            // Before each answer: two malformed packets and a Command Complete for another opcode.
            garbage + [FakeHCIController.complete(command)] + (FakeHCIController.isEnable(command) ? Adverts.legacyEvents : [])
        }
        var count = 0
        let outcome = try HCIScanner(transport: transport, settings: settings()).scan(duration: 0.3) { _, _ in count += 1 }
        #expect(count == 3)
        #expect(outcome.malformedEvents == 8, "two malformed packets before each of four answers")
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.count == 4)
    }

    @Test("the controller going away mid-scan is adapterLost")
    func adapterLost() throws {
        let (transport, controller) = try FakeHCIController.start { command in
            [FakeHCIController.complete(command)] + (FakeHCIController.isEnable(command) ? Adverts.legacyEvents + [[]] : [])
        }
        var reports = 0
        #expect(throws: HCIScannerError.adapterLost) {
            _ = try HCIScanner(transport: transport, settings: settings()).scan(duration: hangGuard) { _, _ in reports += 1 }
        }
        #expect(reports == 3, "reports sent before the hang-up still arrive")
        #expect(controller.waitUntilClosed())
        #expect(HCIScannerError.adapterLost.description.contains("went away"))
    }

    @Test("start, receive and stop by hand; a second stop sends nothing")
    func byHand() throws {
        let (transport, controller) = try FakeHCIController.start { command in [FakeHCIController.complete(command)] }
        let scanner = HCIScanner(transport: transport, settings: settings())
        #expect(try scanner.start() == .legacy)
        #expect(scanner.activeMode == .legacy)
        #expect(controller.waitForCommands(3))
        controller.send([0x04])  // a malformed packet, then nothing
        var reports = 0
        let ending = try scanner.receiveReports(duration: 0.1, interrupts: []) { _, _ in reports += 1 }
        #expect(ending == .timeout)
        #expect(reports == 0)
        #expect(scanner.malformedEvents == 1)
        try scanner.stop()
        #expect(scanner.activeMode == nil)
        try scanner.stop()
        scanner.close()
        #expect(controller.waitUntilClosed())
        #expect(controller.commands.count == 4)
    }
}
