import Foundation
import Glibc
import GluteWire
import Testing
@testable import GluteDevices

@Suite("HCI scanner: opening the adapter, errors")
struct HCIScannerOpenerTests {
    /// Whether this kernel offers AF_BLUETOOTH sockets at all.
    static var kernelHasBluetooth: Bool {
        let protocols = (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8)) ?? ""
        return protocols.contains("BLUETOOTH") || protocols.contains("HCI")
    }

    @Test("sockaddr_hci and the event filter are the kernel's layouts")
    func layouts() {
        #expect(HCIScannerSocketAddress.bytes(device: 1) == [0x1F, 0x00, 0x01, 0x00, 0x00, 0x00])
        // Type mask: event packets (bit 4); events 0x0E and 0x0F in word 0, 0x3E (62) in word 1.
        #expect(HCIScannerSocketAddress.filter(events: HCIScannerOpener.events)
            == [0x10, 0, 0, 0, 0x00, 0xC0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0])
    }

    @Test("adapter names: hciN or N")
    func adapterNames() {
        #expect(HCIScannerOpener.deviceIndex("hci0") == 0)
        #expect(HCIScannerOpener.deviceIndex("hci12") == 12)
        #expect(HCIScannerOpener.deviceIndex("3") == 3)
        for bad in ["", "hci", "hcix", "eth0", "hci-1", "hci99999", "hci٣"] { #expect(HCIScannerOpener.deviceIndex(bad) == nil, "\(bad)") }
        #expect(throws: HCIScannerError.malformedAdapter("wlan0")) { _ = try HCIScannerOpener.openRaw(adapter: "wlan0") }
    }

    @Test(.enabled(if: !kernelHasBluetooth, "this kernel has Bluetooth: the EAFNOSUPPORT path cannot be shown here"))
    func noBluetoothInKernel() {
        #expect(throws: HCIScannerError.noBluetoothInKernel) { _ = try HCIScanner.open(adapter: "hci0", environment: [:]) }
        #expect(HCIScannerError.noBluetoothInKernel.description == BLEConnectError.noBluetoothInKernel.description)
        #expect(HCIScannerError.noBluetoothInKernel.description.contains("EAFNOSUPPORT"))
    }

    @Test("errno values map to the errors a user can act on, each with its fix")
    func errnoMapping() {
        func mapped(_ code: CInt) -> HCIScannerError { HCIScannerOpener.map(SystemError(code: code, call: "bind"), adapter: "hci1") }
        #expect(mapped(EAFNOSUPPORT) == .noBluetoothInKernel)
        #expect(mapped(ENODEV) == .noAdapter(adapter: "hci1", SystemError(code: ENODEV, call: "bind")))
        #expect(mapped(ENETDOWN) == .adapterDown(adapter: "hci1"))
        #expect(mapped(EPERM) == .permissionDenied(SystemError(code: EPERM, call: "bind")))
        #expect(mapped(EACCES) == .permissionDenied(SystemError(code: EACCES, call: "bind")))
        #expect(mapped(EIO) == .system(SystemError(code: EIO, call: "bind")))
        #expect(mapped(ENODEV).description.contains("--adapter"))
        #expect(mapped(ENETDOWN).description.contains("`bluetoothctl power on`"))
        let permission = mapped(EPERM).description
        #expect(permission.hasPrefix("LE scanning needs CAP_NET_RAW: run `sudo setcap 'cap_net_raw,cap_net_admin+eip' $(command -v glutebridge)` or use sudo"))
        for error in [mapped(EAFNOSUPPORT), mapped(ENODEV), mapped(ENETDOWN), mapped(EPERM), HCIScannerError.adapterLost] {
            #expect(!error.description.contains("\n"), "one line: \(error)")
        }
    }

    @Test("GLUTEBRIDGE_HCI_SOCKET: the scanner connects to the fake controller listening there")
    func unixSocket() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gb-hci-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { unlink(path) }
        let listener = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        defer { Glibc.close(listener) }
        let address = try #require(unixSocketAddress(path))
        try #require(withSocketAddress(address, { bind(listener, $0, $1) }, call: "bind") == nil)
        try #require(listen(listener, 1) == 0)

        #expect(HCIScannerOpener.unixSocketPath(environment: [HCIScannerOpener.environmentVariable: path]) == path)
        #expect(HCIScannerOpener.unixSocketPath(environment: [HCIScannerOpener.environmentVariable: ""]) == nil)
        #expect(HCIScannerOpener.unixSocketPath(environment: [:]) == nil)
        let transport = try HCIScannerOpener.open(adapter: "hci0", environment: [HCIScannerOpener.environmentVariable: path])
        let accepted = accept(listener, nil, nil)
        try #require(accepted >= 0)
        defer { Glibc.close(accepted) }
        try transport.send(HCICommand.leSetScanEnable(false, filterDuplicates: false).packet)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { recv(accepted, $0.baseAddress, $0.count, 0) }
        #expect(Array(buffer.prefix(max(count, 0))) == HCICommand.leSetScanEnable(false, filterDuplicates: false).packet)
        let reply = HCIEvent.commandComplete(HCICommandComplete(opcode: .leSetScanEnable, returnParameters: [0])).packet
        _ = reply.withUnsafeBytes { send(accepted, $0.baseAddress, $0.count, 0) }
        #expect(try transport.receive(timeout: hangGuard, interrupts: []) == .packet(reply))
        transport.close()
    }

    @Test("a missing test socket is a clear error naming the path and the variable")
    func missingUnixSocket() {
        let path = "/nonexistent/gb-hci.sock"
        do {
            _ = try HCIScannerOpener.open(adapter: "hci0", environment: [HCIScannerOpener.environmentVariable: path])
            Issue.record("connected to a socket that does not exist")
        } catch {
            guard case .unixSocketUnavailable(let reported, let failure) = error else { Issue.record("\(error)"); return }
            #expect(reported == path)
            #expect(failure.code == ENOENT)
            #expect(error.description.contains(path) && error.description.contains(HCIScannerOpener.environmentVariable))
        }
    }
}
