import Glibc
import GluteWire

/// Opens the transport an `HCIScanner` uses: the fake controller named by `GLUTEBRIDGE_HCI_SOCKET`,
/// otherwise a raw HCI socket bound to the adapter.
public enum HCIScannerOpener {
    /// The environment variable naming a `SOCK_SEQPACKET` unix socket where a fake controller
    /// listens; tests (and bridges to other Bluetooth stacks) put one there.
    public static let environmentVariable = "GLUTEBRIDGE_HCI_SOCKET"

    /// The HCI events the scanner reads; the socket filter lets only these through.
    static let events: [UInt8] = [HCIEvent.commandCompleteCode, HCIEvent.commandStatusCode, HCIEvent.leMetaCode]

    /// The adapter index of `hci0`, `hci1`, ... or of a bare number.
    public static func deviceIndex(_ adapter: String) -> UInt16? {
        let digits = adapter.hasPrefix("hci") ? adapter.dropFirst(3) : Substring(adapter)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return UInt16(digits)
    }

    /// The unix socket path from the environment, if set and not empty.
    public static func unixSocketPath(environment: [String: String]? = nil) -> String? {
        let value = environment.map { $0[environmentVariable] } ?? getenv(environmentVariable).map { String(cString: $0) }
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// The transport for `adapter` (`hci0`), or the fake controller when the variable is set.
    public static func open(adapter: String, environment: [String: String]? = nil) throws(HCIScannerError) -> any HCIScannerTransport {
        if let path = unixSocketPath(environment: environment) { return try connectUnix(path: path) }
        return try openRaw(adapter: adapter)
    }

    /// A raw HCI socket bound to `adapter`, filtered to the scanner's events.
    public static func openRaw(adapter: String) throws(HCIScannerError) -> any HCIScannerTransport {
        guard let index = deviceIndex(adapter) else { throw .malformedAdapter(adapter) }
        let type = CInt(SOCK_RAW.rawValue) | CInt(SOCK_CLOEXEC.rawValue) | CInt(SOCK_NONBLOCK.rawValue)
        let raw = Glibc.socket(CInt(HCIScannerSocketAddress.addressFamily), type, HCIScannerSocketAddress.protocolHCI)
        if raw < 0 { throw map(SystemError(code: errno, call: "socket(AF_BLUETOOTH)"), adapter: adapter) }
        let descriptor = FileDescriptor(taking: raw)

        let filter = HCIScannerSocketAddress.filter(events: events)
        let result = filter.withUnsafeBytes { buffer in
            Glibc.setsockopt(raw, HCIScannerSocketAddress.levelHCI, HCIScannerSocketAddress.optionFilter,
                             buffer.baseAddress, socklen_t(buffer.count))
        }
        if result != 0 { throw map(SystemError(code: errno, call: "setsockopt(HCI_FILTER)"), adapter: adapter) }

        let address = HCIScannerSocketAddress.bytes(device: index)
        if let error = withSocketAddress(address, { Glibc.bind(raw, $0, $1) }, call: "bind") {
            throw map(error, adapter: adapter)
        }
        return HCIScannerPacketTransport(descriptor: descriptor, adapter: adapter)
    }

    /// Connects to a fake controller listening on a `SOCK_SEQPACKET` unix socket at `path`.
    public static func connectUnix(path: String) throws(HCIScannerError) -> any HCIScannerTransport {
        do {
            return HCIScannerPacketTransport(descriptor: try connectUnixSeqpacket(path: path, timeout: 5), adapter: path)
        } catch {
            throw .unixSocketUnavailable(path: path, error)
        }
    }

    /// A transport over an already connected `SOCK_SEQPACKET` socket, such as one end of a
    /// `socketpair` with a fake controller at the other; takes ownership of it. `name` appears in
    /// errors.
    public static func transport(over descriptor: FileDescriptor, name: String) -> any HCIScannerTransport {
        HCIScannerPacketTransport(descriptor: descriptor, adapter: name)
    }

    /// The scanner's error for a failed call on the adapter's socket.
    static func map(_ error: SystemError, adapter: String) -> HCIScannerError {
        switch error.code {
        case EAFNOSUPPORT: return .noBluetoothInKernel
        case ENODEV, EADDRNOTAVAIL, EHOSTUNREACH: return .noAdapter(adapter: adapter, error)
        case ENETDOWN: return .adapterDown(adapter: adapter)
        case EPERM, EACCES: return .permissionDenied(error)
        case ENXIO, EPIPE, ECONNRESET: return .adapterLost
        default: return .system(error)
        }
    }
}
