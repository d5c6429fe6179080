import Glibc
import Testing
@testable import GluteDevices

/// Issue 12: the right to scan is not enough; without Bluetooth in the kernel `ble-scan` is no OK.
@Suite("doctor: scanning needs the kernel's Bluetooth")
struct DoctorScanTests {
    static func rootWithCapNetRaw(_ probe: inout FakeProbe) {
        probe.userID = 0
        probe.files["/proc/self/status"] = DoctorBluetoothTests.status(capEff: "000001fffeffffff")
    }

    @Test func noKernelBluetoothMeansNoScanEvenForRoot() throws {
        let checks = doctor { Self.rootWithCapNetRaw(&$0); $0.socketError = EAFNOSUPPORT }.run()
        let scan = try #require(checks.first { $0.name == "ble-scan" })
        #expect(scan.status == .warn)
        #expect(scan.detail.contains("the kernel has no Bluetooth"))
        #expect(scan.fix == "see kernel-bluetooth above")
    }

    @Test func withKernelBluetoothRootMayScan() throws {
        let checks = doctor { Self.rootWithCapNetRaw(&$0); $0.socketError = nil }.run()
        #expect(checks.first { $0.name == "ble-scan" }?.status == .ok)
    }
}
