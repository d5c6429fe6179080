import Glibc

/// What stands between this machine and a working sensor: udev rules, device access, ModemManager,
/// serial ports, Bluetooth in the kernel and the adapter, the right to scan, and notifications.
/// Every check reads the machine through a `DoctorProbe` only, so tests run them on a made-up one.
public struct Doctor {
    /// Where the settings of the checks come from; the defaults are the paths of a Linux system.
    public struct Settings: Sendable {
        /// The rules file's name, the same in the repository and once installed.
        public var rulesFileName = "70-glutebridge.rules"
        /// Where udev reads rules from; the first directory holding the file wins, as with udev
        /// (/etc overrides the package directories).
        public var rulesDirectories = ["/etc/udev/rules.d", "/run/udev/rules.d", "/usr/lib/udev/rules.d", "/lib/udev/rules.d"]
        /// The group device nodes belong to when the rules do not name one (Debian's serial group).
        public var defaultGroup = "dialout"
        /// systemd-logind's seats; uaccess ACLs are given to the user at an active local seat.
        public var seatsDirectory = "/run/systemd/seats"
        public var bluetoothClassDirectory = "/sys/class/bluetooth"
        /// Device name prefixes of USB serial sensors under /dev.
        public var serialPrefixes = ["ttyACM", "ttyUSB", "glutebridge-"]

        public init() {}
    }

    public var probe: any DoctorProbe
    public var settings: Settings

    public init(probe: any DoctorProbe, settings: Settings = Settings()) {
        self.probe = probe
        self.settings = settings
    }

    /// All checks, in the order a user fixes things: access to serial ports first, then Bluetooth.
    public func run() -> [DoctorCheck] {
        let kernel = kernelBluetooth()
        return [udevRules(), deviceAccess(), modemManager(), serialDevices(),
                kernel, bluetoothAdapter(kernelHasBluetooth: kernel.status == .ok),
                bluetoothScan(kernelHasBluetooth: kernel.status == .ok), notifySend()]
    }

    /// True when any check failed: `glutebridge doctor` then exits with status 1.
    public static func failed(_ checks: [DoctorCheck]) -> Bool {
        checks.contains { $0.status == .fail }
    }

    // MARK: - udev

    /// The installed rules file, the first udev would read.
    package var installedRulesPath: String? {
        settings.rulesDirectories.map { $0 + "/" + settings.rulesFileName }.first(where: probe.exists)
    }

    package var installCommand: String {
        let source = probe.bundledRulesPath ?? "udev-rules/\(settings.rulesFileName)"
        return "sudo cp \(source) /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger"
    }

    public func udevRules() -> DoctorCheck {
        let name = "udev-rules"
        guard let installed = installedRulesPath else {
            return DoctorCheck(name: name, status: .warn, detail: "rules not installed (\(settings.rulesFileName))", fix: installCommand)
        }
        guard let bundled = probe.bundledRulesPath, let want = probe.contents(of: bundled) else {
            return DoctorCheck(name: name, status: .ok, detail: "installed at \(installed) (no repository copy to compare with)")
        }
        guard let have = probe.contents(of: installed) else {
            return DoctorCheck(name: name, status: .warn, detail: "\(installed) exists but cannot be read", fix: installCommand)
        }
        if have == want {
            return DoctorCheck(name: name, status: .ok, detail: "installed and current (\(installed))")
        }
        return DoctorCheck(name: name, status: .warn, detail: "\(installed) differs from \(bundled) (outdated)", fix: installCommand)
    }

    /// The rules in force, or else the ones we would install: they say which group owns the ports.
    package var rulesText: String? {
        (installedRulesPath ?? probe.bundledRulesPath).flatMap(probe.contents(of:))
    }

    /// The group the rules give device nodes to (`GROUP="..."`), else the default.
    package var rulesGroup: String {
        guard let text = rulesText else { return settings.defaultGroup }
        for line in text.split(separator: "\n") where !line.trimmingPrefix(while: \.isWhitespace).hasPrefix("#") {
            guard let range = line.firstRange(of: "GROUP=\"") else { continue }
            let group = line[range.upperBound...].prefix { $0 != "\"" }
            if !group.isEmpty { return String(group) }
        }
        return settings.defaultGroup
    }

    package var hasLocalSeat: Bool {
        !(probe.entries(in: settings.seatsDirectory) ?? []).isEmpty
    }

    public func deviceAccess() -> DoctorCheck {
        let name = "device-access"
        let group = rulesGroup
        let user = probe.userName
        if probe.userID == 0 {
            return DoctorCheck(name: name, status: .ok, detail: "running as root: every serial port opens")
        }
        if probe.processGroups.contains(group) {
            return DoctorCheck(name: name, status: .ok, detail: "\(user) is in group \(group), which the rules give the ports to")
        }
        if probe.members(of: group)?.contains(user) == true {
            return DoctorCheck(name: name, status: .warn, detail: "\(user) was added to \(group), but this login session predates it",
                               fix: "log out and back in (or start a shell with: newgrp \(group))")
        }
        let join = "sudo usermod -aG \(group) \(user), then log out and back in"
        if hasLocalSeat {
            return DoctorCheck(name: name, status: .info,
                               detail: "\(user) is not in \(group); uaccess gives the user at the local seat access (systemd-logind), not SSH or services",
                               fix: join)
        }
        return DoctorCheck(name: name, status: .warn, detail: "\(user) is not in group \(group) and there is no logind seat for uaccess", fix: join)
    }

    // MARK: - ModemManager

    /// Whether a process named `name` runs, by /proc/PID/comm.
    package func isRunning(_ name: String) -> Bool {
        for entry in probe.entries(in: "/proc") ?? [] where entry.allSatisfy(\.isNumber) {
            if probe.contents(of: "/proc/\(entry)/comm")?.split(separator: "\n").first == Substring(name) { return true }
        }
        return false
    }

    public func modemManager() -> DoctorCheck {
        let name = "modemmanager"
        guard isRunning("ModemManager") else {
            return DoctorCheck(name: name, status: .ok, detail: "ModemManager is not running")
        }
        if let installed = installedRulesPath, probe.contents(of: installed)?.contains("ID_MM_DEVICE_IGNORE") == true {
            return DoctorCheck(name: name, status: .ok, detail: "ModemManager is running; the installed rules set ID_MM_DEVICE_IGNORE, so it leaves sensor ports alone")
        }
        return DoctorCheck(name: name, status: .warn,
                           detail: "ModemManager is running and may probe a new serial port with AT commands, holding it busy",
                           fix: "install the udev rules (they set ID_MM_DEVICE_IGNORE), or: sudo systemctl disable --now ModemManager")
    }

    // MARK: - Serial ports

    public func serialDevices() -> DoctorCheck {
        let name = "serial-devices"
        let devices = (probe.entries(in: "/dev") ?? [])
            .filter { entry in settings.serialPrefixes.contains { entry.hasPrefix($0) } }
            .sorted()
            .map { "/dev/" + $0 }
        guard !devices.isEmpty else {
            return DoctorCheck(name: name, status: .warn, detail: "no serial sensor visible (/dev/ttyACM*, /dev/ttyUSB*)",
                               fix: "plug the sensor in; `sudo dmesg | tail` shows what the kernel made of it")
        }
        let closed = devices.filter { !probe.canReadWrite($0) }
        if !closed.isEmpty {
            return DoctorCheck(name: name, status: .warn, detail: "\(closed.joined(separator: ", ")): no read/write access",
                               fix: "see device-access above; or check with: ls -l \(closed[0])")
        }
        return DoctorCheck(name: name, status: .info, detail: "\(devices.joined(separator: ", ")) (read/write)")
    }

    // MARK: - Bluetooth

    public func kernelBluetooth() -> DoctorCheck {
        let name = "kernel-bluetooth"
        guard let code = probe.bluetoothSocketError() else {
            return DoctorCheck(name: name, status: .ok, detail: "the kernel has Bluetooth (an HCI socket opens)")
        }
        if code == EAFNOSUPPORT {
            return DoctorCheck(name: name, status: .fail, detail: "the kernel has no Bluetooth (EAFNOSUPPORT)",
                               fix: "load the bluetooth module (sudo modprobe bluetooth) or use a kernel with CONFIG_BT; serial sensors still work")
        }
        return DoctorCheck(name: name, status: .warn, detail: "an HCI socket does not open: \(String(cString: strerror(code)))",
                           fix: "run as root once to tell a permission problem from a missing driver")
    }

    /// hciN controllers in sysfs; `hci0:12` entries there are connections, not controllers.
    package var adapterNames: [String] {
        (probe.entries(in: settings.bluetoothClassDirectory) ?? []).filter { $0.hasPrefix("hci") && !$0.contains(":") }.sorted()
    }

    public func bluetoothAdapter(kernelHasBluetooth: Bool) -> DoctorCheck {
        let name = "bluetooth-adapter"
        let names = adapterNames
        guard !names.isEmpty else {
            if !kernelHasBluetooth {
                return DoctorCheck(name: name, status: .warn, detail: "no Bluetooth adapter (the kernel has no Bluetooth)",
                                   fix: "see kernel-bluetooth above; BLE sensors need both")
            }
            return DoctorCheck(name: name, status: .warn, detail: "no Bluetooth adapter in \(settings.bluetoothClassDirectory)",
                               fix: "plug in a Bluetooth adapter or enable it in the firmware setup; serial sensors do not need one")
        }
        let infos = kernelHasBluetooth ? names.compactMap(probe.adapterInfo) : []
        if let up = infos.first(where: \.isUp) {
            return DoctorCheck(name: name, status: .ok, detail: "\(up.name) (\(up.address)) is up")
        }
        if let down = infos.first {
            return DoctorCheck(name: name, status: .warn, detail: "\(down.name) (\(down.address)) is present but powered off",
                               fix: "bluetoothctl power on (if it is blocked: sudo rfkill unblock bluetooth)")
        }
        return DoctorCheck(name: name, status: .info, detail: "\(names.joined(separator: ", ")) present; its power state could not be read")
    }

    /// CAP_NET_RAW's bit in the capability sets of /proc/PID/status.
    package static let capNetRawBit: UInt64 = 1 << 13

    /// CapEff from /proc/self/status, or nil when it cannot be read.
    package var effectiveCapabilities: UInt64? {
        guard let status = probe.contents(of: "/proc/self/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("CapEff:") {
            return UInt64(line.dropFirst("CapEff:".count).trimmingPrefix(while: \.isWhitespace), radix: 16)
        }
        return nil
    }

    /// The right to scan, and a kernel to scan with: CAP_NET_RAW without Bluetooth in the kernel
    /// is no OK.
    public func bluetoothScan(kernelHasBluetooth: Bool = true) -> DoctorCheck {
        let permission = scanPermission()
        guard !kernelHasBluetooth, permission.status == .ok else { return permission }
        return DoctorCheck(name: permission.name, status: .warn, detail: "the kernel has no Bluetooth: cannot scan (the permission is there)",
                           fix: "see kernel-bluetooth above")
    }

    func scanPermission() -> DoctorCheck {
        let name = "ble-scan"
        let root = probe.userID == 0
        let fix = "sudo setcap cap_net_raw,cap_net_admin+eip $(which glutebridge)"
        guard let caps = effectiveCapabilities else {
            return root ? DoctorCheck(name: name, status: .ok, detail: "running as root: can scan")
                : DoctorCheck(name: name, status: .warn, detail: "capabilities unreadable; scanning needs CAP_NET_RAW", fix: fix)
        }
        if caps & Self.capNetRawBit != 0 {
            return DoctorCheck(name: name, status: .ok, detail: root ? "running as root (CAP_NET_RAW): can scan"
                : "CAP_NET_RAW is effective (file capability): can scan")
        }
        return DoctorCheck(name: name, status: .warn,
                           detail: root ? "running as root but without CAP_NET_RAW (dropped by a container?): cannot scan"
                               : "no CAP_NET_RAW: cannot scan for BLE sensors",
                           fix: fix)
    }

    // MARK: - Notifications

    public func notifySend() -> DoctorCheck {
        let name = "notify-send"
        if let path = probe.findExecutable("notify-send") {
            return DoctorCheck(name: name, status: .ok, detail: "\(path) (desktop notifications for --notify)")
        }
        return DoctorCheck(name: name, status: .warn, detail: "notify-send is not on PATH: --notify shows no desktop notifications",
                           fix: "sudo apt install libnotify-bin")
    }
}
