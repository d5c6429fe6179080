import Foundation
import GluteDevices
import GluteSession
import Testing

/// A made-up machine: every answer the doctor can get, set by the test.
struct FakeProbe: DoctorProbe {
    var files: [String: String] = [:]
    var directories: [String: [String]] = [:]
    var readWrite: Set<String> = []
    var userID: UInt32 = 1000
    var userName = "ana"
    var processGroups = ["ana"]
    var groupMembers: [String: [String]] = ["dialout": []]
    var socketError: Int32? = nil
    var adapters: [String: BluetoothAdapterInfo] = [:]
    var executables: [String: String] = [:]
    var bundledRulesPath: String? = nil

    func contents(of path: String) -> String? { files[path] }
    func entries(in directory: String) -> [String]? { directories[directory] }
    func exists(_ path: String) -> Bool { files[path] != nil || directories[path] != nil }
    func canReadWrite(_ path: String) -> Bool { readWrite.contains(path) }
    func members(of group: String) -> [String]? { groupMembers[group] }
    func bluetoothSocketError() -> Int32? { socketError }
    func adapterInfo(_ name: String) -> BluetoothAdapterInfo? { adapters[name] }
    func findExecutable(_ name: String) -> String? { executables[name] }
}

let repoRules = "/src/glutebridge/udev-rules/70-glutebridge.rules"
let rulesText = """
    # comment mentioning GROUP="wrong"
    SUBSYSTEM=="tty", MODE="0660", GROUP="dialout", TAG+="uaccess", ENV{ID_MM_DEVICE_IGNORE}="1"
    """

func doctor(_ configure: (inout FakeProbe) -> Void) -> Doctor {
    var probe = FakeProbe()
    configure(&probe)
    return Doctor(probe: probe)
}

@Suite("doctor: udev rules")
struct DoctorUdevTests {
    @Test func missingRulesWarnWithTheInstallCommand() {
        let check = doctor { $0.bundledRulesPath = repoRules; $0.files[repoRules] = rulesText }.udevRules()
        #expect(check.status == .warn)
        #expect(check.detail.contains("rules not installed"))
        #expect(check.fix == "sudo cp \(repoRules) /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger")
    }

    @Test func withoutARepositoryCopyTheFixNamesTheRelativePath() {
        let check = doctor { _ in }.udevRules()
        #expect(check.status == .warn)
        #expect(check.fix?.hasPrefix("sudo cp udev-rules/70-glutebridge.rules /etc/udev/rules.d/") == true)
    }

    @Test func identicalRulesAreCurrent() {
        let check = doctor {
            $0.bundledRulesPath = repoRules
            $0.files[repoRules] = rulesText
            $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rulesText
        }.udevRules()
        #expect(check.status == .ok)
        #expect(check.detail.contains("current"))
        #expect(check.fix == nil)
    }

    @Test func rulesUnderLibAreFoundAndAnOutdatedCopyWarns() {
        let check = doctor {
            $0.bundledRulesPath = repoRules
            $0.files[repoRules] = rulesText
            $0.files["/lib/udev/rules.d/70-glutebridge.rules"] = "# old\n"
        }.udevRules()
        #expect(check.status == .warn)
        #expect(check.detail.contains("/lib/udev/rules.d/70-glutebridge.rules differs"))
        #expect(check.fix?.contains("udevadm control --reload") == true)
    }

    @Test func etcOverridesLibAsUdevDoes() {
        let check = doctor {
            $0.bundledRulesPath = repoRules
            $0.files[repoRules] = rulesText
            $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rulesText
            $0.files["/lib/udev/rules.d/70-glutebridge.rules"] = "# old\n"
        }.udevRules()
        #expect(check.status == .ok)
    }

    @Test func installedRulesWithNothingToCompareWithAreOK() {
        let check = doctor { $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rulesText }.udevRules()
        #expect(check.status == .ok)
        #expect(check.detail.contains("no repository copy"))
    }

    @Test func installedButUnreadableWarns() {
        let check = doctor {
            $0.bundledRulesPath = repoRules
            $0.files[repoRules] = rulesText
            $0.directories["/etc/udev/rules.d/70-glutebridge.rules"] = []  // exists, no contents
        }.udevRules()
        #expect(check.status == .warn)
        #expect(check.detail.contains("cannot be read"))
    }
}

@Suite("doctor: device access and ModemManager")
struct DoctorAccessTests {
    @Test func rootNeedsNoGroup() {
        let check = doctor { $0.userID = 0; $0.userName = "root"; $0.processGroups = ["root"] }.deviceAccess()
        #expect(check.status == .ok)
        #expect(check.detail.contains("root"))
    }

    @Test func aMemberOfTheRulesGroupIsOK() {
        let check = doctor { $0.processGroups = ["ana", "dialout"] }.deviceAccess()
        #expect(check.status == .ok)
        #expect(check.detail.contains("dialout"))
    }

    @Test func theGroupComesFromTheRulesNotTheirComments() {
        let rules = "# GROUP=\"wrong\"\nMODE=\"0660\", GROUP=\"plugdev\"\n"
        let inDialout = doctor {
            $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rules
            $0.processGroups = ["ana", "dialout"]
        }.deviceAccess()
        #expect(inDialout.status == .warn)
        #expect(inDialout.fix?.contains("usermod -aG plugdev ana") == true)
        let inPlugdev = doctor {
            $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rules
            $0.processGroups = ["ana", "plugdev"]
        }.deviceAccess()
        #expect(inPlugdev.status == .ok)
    }

    @Test func addedToTheGroupButNotLoggedInAgain() {
        let check = doctor { $0.groupMembers["dialout"] = ["bo", "ana"] }.deviceAccess()
        #expect(check.status == .warn)
        #expect(check.fix?.contains("newgrp dialout") == true)
    }

    @Test func uaccessAtALocalSeat() {
        let check = doctor { $0.directories["/run/systemd/seats"] = ["seat0"] }.deviceAccess()
        #expect(check.status == .info)
        #expect(check.detail.contains("uaccess"))
        #expect(check.fix == "sudo usermod -aG dialout ana, then log out and back in")
    }

    @Test func neitherGroupNorSeatWarns() {
        let check = doctor { $0.directories["/run/systemd/seats"] = [] }.deviceAccess()
        #expect(check.status == .warn)
        #expect(check.fix?.contains("usermod -aG dialout ana") == true)
    }

    func withModemManager(_ probe: inout FakeProbe) {
        probe.directories["/proc"] = ["1", "self", "417", "900"]
        probe.files["/proc/1/comm"] = "systemd\n"
        probe.files["/proc/417/comm"] = "ModemManager\n"
        probe.files["/proc/900/comm"] = "bash\n"
    }

    @Test func modemManagerNotRunning() {
        let check = doctor {
            $0.directories["/proc"] = ["1", "900"]
            $0.files["/proc/1/comm"] = "systemd\n"
            $0.files["/proc/900/comm"] = "ModemManagerX\n"
        }.modemManager()
        #expect(check.status == .ok)
        #expect(check.detail.contains("not running"))
    }

    @Test func modemManagerRunningWithoutOurRulesWarns() {
        let check = doctor(withModemManager).modemManager()
        #expect(check.status == .warn)
        #expect(check.fix?.contains("ID_MM_DEVICE_IGNORE") == true)
        #expect(check.fix?.contains("sudo systemctl disable --now ModemManager") == true)
    }

    @Test func modemManagerRunningButToldToIgnore() {
        let check = doctor {
            withModemManager(&$0)
            $0.files["/etc/udev/rules.d/70-glutebridge.rules"] = rulesText
        }.modemManager()
        #expect(check.status == .ok)
        #expect(check.detail.contains("ID_MM_DEVICE_IGNORE"))
    }
}

@Suite("doctor: serial ports")
struct DoctorSerialTests {
    @Test func noPortWarns() {
        let check = doctor { $0.directories["/dev"] = ["null", "tty0", "ttyS0"] }.serialDevices()
        #expect(check.status == .warn)
        #expect(check.detail.contains("no serial sensor"))
    }

    @Test func openPortsAreListed() {
        let check = doctor {
            $0.directories["/dev"] = ["ttyUSB0", "null", "ttyACM0", "glutebridge-native"]
            $0.readWrite = ["/dev/ttyACM0", "/dev/ttyUSB0", "/dev/glutebridge-native"]
        }.serialDevices()
        #expect(check.status == .info)
        #expect(check.detail == "/dev/glutebridge-native, /dev/ttyACM0, /dev/ttyUSB0 (read/write)")
    }

    @Test func aClosedPortWarns() {
        let check = doctor {
            $0.directories["/dev"] = ["ttyACM0", "ttyUSB0"]
            $0.readWrite = ["/dev/ttyACM0"]
        }.serialDevices()
        #expect(check.status == .warn)
        #expect(check.detail.hasPrefix("/dev/ttyUSB0"))
        #expect(check.fix?.contains("ls -l /dev/ttyUSB0") == true)
    }
}

@Suite("doctor: Bluetooth, scanning, notifications")
struct DoctorBluetoothTests {
    @Test func kernelWithoutBluetoothFails() {
        let check = doctor { $0.socketError = EAFNOSUPPORT }.kernelBluetooth()
        #expect(check.status == .fail)
        #expect(check.detail == "the kernel has no Bluetooth (EAFNOSUPPORT)")
        #expect(check.fix == "load the bluetooth module (sudo modprobe bluetooth) or use a kernel with CONFIG_BT; serial sensors still work")
    }

    @Test func kernelWithBluetoothIsOK() {
        #expect(doctor { $0.socketError = nil }.kernelBluetooth().status == .ok)
    }

    @Test func anotherSocketErrorWarnsWithItsText() {
        let check = doctor { $0.socketError = EACCES }.kernelBluetooth()
        #expect(check.status == .warn)
        #expect(check.detail.contains(String(cString: strerror(EACCES))))
    }

    @Test func noAdapterWithoutKernelSupport() {
        let check = doctor { _ in }.bluetoothAdapter(kernelHasBluetooth: false)
        #expect(check.status == .warn)
        #expect(check.detail.contains("the kernel has no Bluetooth"))
    }

    @Test func noAdapterWithKernelSupport() {
        let check = doctor { $0.directories["/sys/class/bluetooth"] = [] }.bluetoothAdapter(kernelHasBluetooth: true)
        #expect(check.status == .warn)
        #expect(check.detail.contains("no Bluetooth adapter in /sys/class/bluetooth"))
    }

    @Test func anUpAdapterIsOKAndConnectionsAreNotAdapters() {
        let check = doctor {
            $0.directories["/sys/class/bluetooth"] = ["hci0:11", "hci0", "hci1"]
            $0.adapters["hci0"] = BluetoothAdapterInfo(name: "hci0", address: "00:1A:7D:DA:71:13", isUp: false)
            $0.adapters["hci1"] = BluetoothAdapterInfo(name: "hci1", address: "00:1A:7D:DA:71:14", isUp: true)
        }.bluetoothAdapter(kernelHasBluetooth: true)
        #expect(check.status == .ok)
        #expect(check.detail == "hci1 (00:1A:7D:DA:71:14) is up")
    }

    @Test func aPoweredOffAdapterWarns() {
        let check = doctor {
            $0.directories["/sys/class/bluetooth"] = ["hci0"]
            $0.adapters["hci0"] = BluetoothAdapterInfo(name: "hci0", address: "00:1A:7D:DA:71:13", isUp: false)
        }.bluetoothAdapter(kernelHasBluetooth: true)
        #expect(check.status == .warn)
        #expect(check.fix?.contains("bluetoothctl power on") == true)
    }

    @Test func anAdapterThatCannotBeAskedIsInfo() {
        let check = doctor { $0.directories["/sys/class/bluetooth"] = ["hci0"] }.bluetoothAdapter(kernelHasBluetooth: true)
        #expect(check.status == .info)
        #expect(check.detail.contains("hci0 present"))
    }

    static func status(capEff: String) -> String {
        "Name:\tglutebridge\nCapInh:\t0000000000000000\nCapPrm:\t\(capEff)\nCapEff:\t\(capEff)\nCapBnd:\t000001ffffffffff\n"
    }

    @Test func rootWithCapNetRawCanScan() {
        let check = doctor { $0.userID = 0; $0.files["/proc/self/status"] = Self.status(capEff: "000001fffeffffff") }.bluetoothScan()
        #expect(check.status == .ok)
        #expect(check.detail.contains("root"))
    }

    @Test func aFileCapabilityLetsAUserScan() {
        let check = doctor { $0.files["/proc/self/status"] = Self.status(capEff: "0000000000003000") }.bluetoothScan()
        #expect(check.status == .ok)
        #expect(check.detail.contains("file capability"))
    }

    @Test func aUserWithoutTheCapabilityIsToldToSetcap() {
        // 0x1000 is CAP_NET_ADMIN alone: bit 13 (CAP_NET_RAW) is what counts.
        let check = doctor { $0.files["/proc/self/status"] = Self.status(capEff: "0000000000001000") }.bluetoothScan()
        #expect(check.status == .warn)
        #expect(check.fix == "sudo setcap cap_net_raw,cap_net_admin+eip $(which glutebridge)")
    }

    @Test func rootWithTheCapabilityDroppedCannotScan() {
        // Docker's default set (a80425fb) with bit 13 cleared.
        let check = doctor { $0.userID = 0; $0.files["/proc/self/status"] = Self.status(capEff: "00000000a80405fb") }.bluetoothScan()
        #expect(check.status == .warn)
        #expect(check.detail.contains("without CAP_NET_RAW"))
    }

    @Test func unreadableCapabilitiesFallBackToTheUserID() {
        #expect(doctor { $0.userID = 0 }.bluetoothScan().status == .ok)
        #expect(doctor { $0.userID = 1000 }.bluetoothScan().status == .warn)
    }

    @Test func notifySendFoundOrNot() {
        let found = doctor { $0.executables["notify-send"] = "/usr/bin/notify-send" }.notifySend()
        #expect(found.status == .ok)
        #expect(found.detail.hasPrefix("/usr/bin/notify-send"))
        let missing = doctor { _ in }.notifySend()
        #expect(missing.status == .warn)
        #expect(missing.fix == "sudo apt install libnotify-bin")
    }
}

@Suite("doctor: the whole run and its report")
struct DoctorReportTests {
    let machine = doctor {
        $0.socketError = EAFNOSUPPORT
        $0.userID = 0
        $0.files["/proc/self/status"] = DoctorBluetoothTests.status(capEff: "000001fffeffffff")
        $0.executables["notify-send"] = "/usr/bin/notify-send"
    }

    @Test func runsEveryCheckOnceInOrder() {
        let checks = machine.run()
        #expect(checks.map(\.name) == ["udev-rules", "device-access", "modemmanager", "serial-devices",
                                       "kernel-bluetooth", "bluetooth-adapter", "ble-scan", "notify-send"])
        #expect(Doctor.failed(checks))
        #expect(!Doctor.failed(checks.filter { $0.status != .fail }))
    }

    @Test func plainLinesAreAlignedWithFixesUnderTheDetail() throws {
        let checks = machine.run()
        let lines = DoctorReport.lines(checks, colour: false)
        let detailColumn = try #require(lines.first?.range(of: "rules not installed")).lowerBound.utf16Offset(in: lines[0])
        for (line, check) in zip(lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("doctor:") }, checks) {
            #expect(line.hasPrefix(check.status.rawValue))
            #expect(line.range(of: check.detail)?.lowerBound.utf16Offset(in: line) == detailColumn)
        }
        let fixes = lines.filter { $0.hasPrefix(" ") }
        #expect(fixes.count == checks.filter { $0.fix != nil }.count)
        for fix in fixes { #expect(fix.range(of: "fix: ")?.lowerBound.utf16Offset(in: fix) == detailColumn) }
        #expect(lines.last == "doctor: 1 FAIL, 4 WARN, 3 OK")  // no kernel Bluetooth: ble-scan is no OK
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func colourWrapsOnlyTheStatusWord() {
        let lines = DoctorReport.lines([DoctorCheck(name: "x", status: .fail, detail: "d")], colour: true)
        #expect(lines[0].hasPrefix("\u{1B}[1;31mFAIL\u{1B}[0m  x"))
    }

    @Test func jsonIsOneObjectWithEveryCheck() throws {
        let checks = machine.run()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DoctorReport.json(checks).utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let items = try #require(object["checks"] as? [[String: Any]])
        #expect(items.count == checks.count)
        for (item, check) in zip(items, checks) {
            #expect(item["name"] as? String == check.name)
            #expect(item["status"] as? String == check.status.rawValue)
            #expect(item["detail"] as? String == check.detail)
            if let fix = check.fix { #expect(item["fix"] as? String == fix) } else { #expect(item["fix"] is NSNull) }
        }
    }
}

@Suite("doctor: the real machine's probe")
struct SystemDoctorProbeTests {
    let probe = SystemDoctorProbe(bundledRulesPath: nil, path: "/bin:/usr/bin")

    @Test func readsProcAndTheGroupDatabase() throws {
        let status = try #require(probe.contents(of: "/proc/self/status"))
        #expect(status.contains("CapEff:"))
        #expect(probe.entries(in: "/proc")?.contains("self") == true)
        #expect(probe.entries(in: "/no/such/dir") == nil)
        #expect(probe.members(of: "root") != nil)
        #expect(probe.members(of: "no-such-group-glutebridge") == nil)
        #expect(probe.findExecutable("sh") != nil)
        #expect(probe.processGroups.count >= 1)
    }

    @Test func theSocketAnswerMatchesTheKernel() {
        // The kernel lists its HCI socket protocol in /proc/net/protocols once Bluetooth is in
        // (read after the call, which may autoload the module); without it, EAFNOSUPPORT.
        let error = probe.bluetoothSocketError()
        let protocols = probe.contents(of: "/proc/net/protocols") ?? ""
        #expect((error == EAFNOSUPPORT) == !protocols.contains("HCI"), "errno \(error.map(String.init) ?? "none")")
    }
}
