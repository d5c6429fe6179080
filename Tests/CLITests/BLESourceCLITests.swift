import Foundation
import Testing

@Suite("ble: sources, run as a process", .enabled(if: CLI.available, "build the binary first: swift build"))
struct BLESourceCLITests {
    /// Whether this kernel offers AF_BLUETOOTH sockets at all.
    static var kernelHasBluetooth: Bool {
        let protocols = (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8)) ?? ""
        return protocols.contains("BLUETOOTH") || protocols.contains("L2CAP") || protocols.contains("HCI")
    }

    @Test(.enabled(if: !kernelHasBluetooth, "this kernel has Bluetooth: the EAFNOSUPPORT path cannot be shown here"))
    func monitorOnABLESourceSaysTheKernelHasNoBluetooth() throws {
        let result = try CLI.run(["monitor", "ble:C0:FF:EE:00:00:01", "--format", "jsonl"])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("EAFNOSUPPORT") == true)
        #expect(errors.first?.contains("modprobe") == true || errors.first?.contains("CONFIG_BT") == true)
        #expect(result.stdout.isEmpty)
    }
}
