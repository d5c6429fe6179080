/// A Bluetooth controller as the kernel reports it (HCIGETDEVINFO).
public struct BluetoothAdapterInfo: Sendable, Equatable {
    /// `hci0`, `hci1`...
    public var name: String
    /// `AA:BB:CC:DD:EE:FF`.
    public var address: String
    /// The HCI_UP flag: powered and usable for a scan.
    public var isUp: Bool

    public init(name: String, address: String, isUp: Bool) {
        self.name = name
        self.address = address
        self.isUp = isUp
    }
}

/// Everything the doctor asks of the machine, so that the checks are pure and a test can hand
/// them a made-up machine. `SystemDoctorProbe` answers from the real one.
public protocol DoctorProbe {
    /// A text file's contents (procfs, sysfs, /etc), or nil when it is missing or unreadable.
    func contents(of path: String) -> String?
    /// The names in a directory, or nil when it does not exist.
    func entries(in directory: String) -> [String]?
    func exists(_ path: String) -> Bool
    /// Whether this process may open `path` for reading and writing (access(2)).
    func canReadWrite(_ path: String) -> Bool
    /// The effective user id.
    var userID: UInt32 { get }
    /// The login name of the effective user.
    var userName: String { get }
    /// The groups this process runs with (primary and supplementary), by name.
    var processGroups: [String] { get }
    /// The members /etc/group lists for `group`, or nil when there is no such group.
    func members(of group: String) -> [String]?
    /// errno from socket(AF_BLUETOOTH, SOCK_RAW, BTPROTO_HCI), or nil when the socket opened.
    func bluetoothSocketError() -> Int32?
    /// The controller's state by HCIGETDEVINFO, or nil when it cannot be asked.
    func adapterInfo(_ name: String) -> BluetoothAdapterInfo?
    /// Where `name` is found on PATH, or nil.
    func findExecutable(_ name: String) -> String?
    /// The repository's copy of the udev rules, next to this binary's package, if there is one.
    var bundledRulesPath: String? { get }
}
