/// Why an ATT bearer could not be opened, as one line a user can act on.
public enum BLEConnectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `socket(AF_BLUETOOTH)` failed with `EAFNOSUPPORT`: the kernel has no Bluetooth stack.
    case noBluetoothInKernel
    /// No Bluetooth adapter to connect from (`EHOSTUNREACH`, `ENODEV`, or bind failed).
    case noAdapter(SystemError)
    /// The adapter exists but is powered off or down (`ENETDOWN`).
    case adapterDown
    /// The device refused the connection (`ECONNREFUSED`).
    case refused(address: String)
    /// No connection within the timeout, ours or the kernel's.
    case timedOut(address: String, seconds: Double)
    /// Given up on by the user (Ctrl-C) while waiting for the connection.
    case interrupted(address: String)
    /// The security level asked for needs pairing or a stronger key (`EACCES`, `EPERM`).
    case pairingRequired(address: String, SystemError)
    /// The address is not six hex pairs.
    case malformedAddress(String)
    /// The `att=unix:PATH` test bearer could not be reached.
    case unixSocketUnavailable(path: String, SystemError)
    /// Any other failure.
    case failed(address: String, SystemError)

    public var description: String {
        switch self {
        case .noBluetoothInKernel:
            return "this kernel has no Bluetooth (socket(AF_BLUETOOTH) failed with EAFNOSUPPORT): load the bluetooth module or use a kernel with CONFIG_BT; `glutebridge doctor` checks this"
        case .noAdapter(let error):
            return "no Bluetooth adapter found (\(error)): plug one in or check `hciconfig` / `bluetoothctl list`"
        case .adapterDown:
            return "the Bluetooth adapter is down (ENETDOWN): power it on with `bluetoothctl power on` or `rfkill unblock bluetooth`"
        case .refused(let address):
            return "\(address) refused the connection (ECONNREFUSED): is it already connected to another host?"
        case .timedOut(let address, let seconds):
            return "no connection to \(address) within \(seconds) s: is it on, in range and advertising? (try `glutebridge scan`; random addresses need ?type=random)"
        case .interrupted(let address):
            return "connecting to \(address) was interrupted"
        case .pairingRequired(let address, let error):
            return "\(address) requires pairing for this security level (\(error)): pair it with `bluetoothctl pair \(address)` first"
        case .malformedAddress(let text):
            return "'\(text)' is not a Bluetooth address (six hex pairs, e.g. C0:FF:EE:00:00:01)"
        case .unixSocketUnavailable(let path, let error):
            return "cannot reach the ATT test socket \(path) (\(error))"
        case .failed(let address, let error):
            return "connecting to \(address) failed: \(error)"
        }
    }
}
