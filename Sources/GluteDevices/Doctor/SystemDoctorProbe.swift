import CBlueZ
import Glibc

/// The doctor's questions answered from this machine: procfs, sysfs, /etc, a Bluetooth socket and
/// HCIGETDEVINFO.
public struct SystemDoctorProbe: DoctorProbe {
    public let bundledRulesPath: String?
    private let path: String?

    /// - Parameters:
    ///   - bundledRulesPath: the repository's rules file to compare the installed one with; by
    ///     default `udev-rules/70-glutebridge.rules` in the package this binary was built in.
    ///   - environment: PATH is searched for notify-send.
    public init(bundledRulesPath: String? = Self.rulesNextToExecutable(), path: String? = Self.environmentPath) {
        self.bundledRulesPath = bundledRulesPath
        self.path = path
    }

    public static var environmentPath: String? {
        getenv("PATH").map { String(cString: $0) }
    }

    /// `udev-rules/70-glutebridge.rules` in the nearest directory above the running binary
    /// (`.build/debug/glutebridge` sits three levels below the package root).
    public static func rulesNextToExecutable(fileName: String = "70-glutebridge.rules") -> String? {
        guard var directory = executablePath() else { return nil }
        for _ in 0..<6 {
            guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex else { return nil }
            directory = String(directory[..<slash])
            let candidate = directory + "/udev-rules/" + fileName
            if access(candidate, R_OK) == 0 { return candidate }
        }
        return nil
    }

    package static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func contents(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
            // Rules files and procfs entries are small; a cap keeps a mistaken path from costing much.
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func entries(in directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public func canReadWrite(_ path: String) -> Bool {
        access(path, R_OK | W_OK) == 0
    }

    public var userID: UInt32 { geteuid() }

    public var userName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return getenv("USER").map { String(cString: $0) } ?? String(geteuid())
    }

    public var processGroups: [String] {
        let count = getgroups(0, nil)
        var ids = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = getgroups(count, &ids)
        let all = [getegid()] + ids.prefix(Int(max(filled, 0)))
        return all.compactMap { id in getgrgid(id).flatMap { $0.pointee.gr_name }.map { String(cString: $0) } }
    }

    public func members(of group: String) -> [String]? {
        guard let entry = getgrnam(group) else { return nil }
        var names: [String] = []
        if var member = entry.pointee.gr_mem {
            while let name = member.pointee {
                names.append(String(cString: name))
                member += 1
            }
        }
        return names
    }

    public func bluetoothSocketError() -> Int32? {
        let fd = socket(AF_BLUETOOTH, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), BTPROTO_HCI)
        if fd < 0 { return errno }
        close(fd)
        return nil
    }

    public func adapterInfo(_ name: String) -> BluetoothAdapterInfo? {
        guard name.hasPrefix("hci"), let id = Int32(name.dropFirst(3)) else { return nil }
        var info = hci_dev_info()
        guard hci_devinfo(id, &info) == 0 else { return nil }
        var address = [CChar](repeating: 0, count: 18)
        var bdaddr = info.bdaddr
        _ = ba2str(&bdaddr, &address)
        let text = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return BluetoothAdapterInfo(name: name, address: text, isUp: info.flags & (1 << UInt32(HCI_UP)) != 0)
    }

    public func findExecutable(_ name: String) -> String? {
        ExecutableSearch.find(name, path: path)
    }
}
