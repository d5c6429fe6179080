import Glibc
import Testing
@testable import GluteDevices

/// Whether this kernel can make a Bluetooth socket at all.
let kernelHasBluetooth: Bool = {
    let raw = socket(31, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
    if raw >= 0 { Glibc.close(raw); return true }
    return errno != EAFNOSUPPORT
}()

@Suite("L2CAP ATT socket")
struct BLEL2CAPTests {
    @Test("without Bluetooth in the kernel, connect ends with the clear EAFNOSUPPORT message",
          .enabled(if: !kernelHasBluetooth, "this kernel has Bluetooth sockets; the EAFNOSUPPORT path cannot be reached here"))
    func noBluetoothInKernel() {
        var caught: BLEConnectError?
        do {
            _ = try L2CAPBearer.connect(address: "C0:FF:EE:00:00:01", randomAddress: true, security: .medium, timeout: 2)
        } catch { caught = error }
        #expect(caught == .noBluetoothInKernel)
        let text = caught?.description ?? ""
        #expect(text.contains("EAFNOSUPPORT"))
        #expect(text.contains("CONFIG_BT"))
        #expect(text.contains("glutebridge doctor"))
        #expect(!text.contains("\n"))
        print("L2CAP on this machine: \(text)")
    }

    @Test("connect errnos map to the user-facing cases")
    func errnoMapping() {
        func map(_ code: CInt) -> BLEConnectError {
            L2CAPBearer.map(SystemError(code: code, call: "connect"), address: "C0:FF:EE:00:00:01", timeout: 5)
        }
        #expect(map(EAFNOSUPPORT) == .noBluetoothInKernel)
        #expect(map(EHOSTUNREACH) == .noAdapter(SystemError(code: EHOSTUNREACH, call: "connect")))
        #expect(map(ENODEV) == .noAdapter(SystemError(code: ENODEV, call: "connect")))
        #expect(map(ENETDOWN) == .adapterDown)
        #expect(map(ECONNREFUSED) == .refused(address: "C0:FF:EE:00:00:01"))
        #expect(map(ETIMEDOUT) == .timedOut(address: "C0:FF:EE:00:00:01", seconds: 5))
        #expect(map(EACCES) == .pairingRequired(address: "C0:FF:EE:00:00:01", SystemError(code: EACCES, call: "connect")))
        #expect(map(EPERM) == .pairingRequired(address: "C0:FF:EE:00:00:01", SystemError(code: EPERM, call: "connect")))
        #expect(map(EIO) == .failed(address: "C0:FF:EE:00:00:01", SystemError(code: EIO, call: "connect")))
        for error in [map(ENETDOWN), map(ECONNREFUSED), map(ETIMEDOUT), map(EACCES)] {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }
}
