import Foundation
import Glibc
import Testing
@testable import GluteDevices

@Suite("udev discovery and hotplug")
struct UdevDiscoveryTests {
    @Test("The protocol follows the rules' property first, then the USB identity",
          arguments: [
              (String?("native"), String?("10c4"), String?("ea60"), String?(nil), ExpectedProtocol.native),
              ("WitMotion", nil, nil, nil, .witmotion),
              ("bogus", "1a86", "7523", nil, .witmotion),
              (nil, "1209", "0001", "GluteBridge Belt", .native),
              (nil, "1209", "0001", "Somebody's Test Board", .unknown),
              (nil, "1209", "0001", nil, .unknown),
              (nil, "1A86", "7523", "USB Serial", .witmotion),
              (nil, "10c4", "EA60", nil, .witmotion),
              (nil, "2341", "0043", "Arduino Uno", .unknown),
              (nil, nil, nil, nil, .unknown),
          ])
    func classification(property: String?, vendor: String?, product: String?, name: String?, expected: ExpectedProtocol) {
        #expect(ExpectedProtocol.classify(property: property, vendorID: vendor, productID: product, product: name) == expected)
    }

    @Test("VID:PID is given only for USB devices")
    func vidPid() {
        #expect(SerialDeviceInfo(devnode: "/dev/ttyACM0", sysPath: "/sys/x", vendorID: "1209", productID: "0001").vidPid == "1209:0001")
        #expect(SerialDeviceInfo(devnode: "/dev/ttyS0", sysPath: "/sys/y").vidPid == nil)
    }

    @Test("Hotplug actions parse and print back", arguments: ["add", "remove", "change", "bind"])
    func actions(text: String) {
        let action = HotplugEvent.Action(text)
        #expect(action.description == text)
        #expect((action == .add) == (text == "add"))
        if text == "bind" { #expect(action == .other("bind")) }
    }

    @Test("udevd counts as running exactly when its control socket exists")
    func daemonProbe() {
        #expect(UdevDaemon.isRunning == FileManager.default.fileExists(atPath: UdevDaemon.controlPath))
    }

    @Test("Discovery on this host lists only device nodes with hardware behind them")
    func hostDiscovery() throws {
        let devices = try SerialDeviceDiscovery.candidates()
        #expect(devices.map(\.devnode) == devices.map(\.devnode).sorted())
        for device in devices {
            #expect(device.devnode.hasPrefix("/dev/"))
            #expect(!device.sysPath.contains("/virtual/"), "\(device.sysPath) is a virtual tty")
            #expect((device.vendorID == nil) == (device.productID == nil))
            #expect(device.taggedByRules || device.stableLinks.isEmpty, "a glutebridge- link without our property")
        }
    }

    @Test("The monitor's wait ends on an interrupt at once and on its timeout otherwise")
    func monitorWaitEnds() throws {
        let monitor = try HotplugMonitor()
        #expect(monitor.pollDescriptor >= 0)
        let wake = try WakeUp()
        wake.signal()
        var started = HostClock.now().monotonic
        let interrupted = try monitor.wait(timeoutSeconds: hangGuard, interrupts: [wake.pollDescriptor])
        #expect(HostClock.now().monotonic - started < hangGuard / 2, "returned for the wake-up, not the timeout")
        #expect(wake.isSignalled, "the wake-up is left for the caller")
        wake.reset()
        if !UdevDaemon.isRunning {
            // Without udevd nothing is ever delivered, so the wait must run to its timeout.
            #expect(interrupted.isEmpty)
            started = HostClock.now().monotonic
            let none = try monitor.wait(timeoutSeconds: 0.2)
            let waited = HostClock.now().monotonic - started
            #expect(none.isEmpty)
            #expect(waited >= 0.19 && waited < hangGuard, "waited \(waited) s")
        }
        #expect(monitor.receive().allSatisfy { !$0.sysPath.isEmpty })
    }
}
