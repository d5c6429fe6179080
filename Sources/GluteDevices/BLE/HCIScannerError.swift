import GluteWire

/// Why an LE scan could not run, as one line a user can act on.
public enum HCIScannerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `socket(AF_BLUETOOTH)` failed with `EAFNOSUPPORT`: the kernel has no Bluetooth stack.
    case noBluetoothInKernel
    /// The adapter named does not exist (`ENODEV`).
    case noAdapter(adapter: String, SystemError)
    /// The adapter exists but is powered off or down (`ENETDOWN`).
    case adapterDown(adapter: String)
    /// The process may not send HCI commands (`EPERM`, `EACCES`): it lacks CAP_NET_RAW.
    case permissionDenied(SystemError)
    /// `--adapter` is neither `hciN` nor a number.
    case malformedAdapter(String)
    /// The controller did not answer a command within the command timeout.
    case controllerTimeout(command: HCIOpcode, seconds: Double)
    /// The controller refused a command with this status.
    case commandFailed(command: HCIOpcode, status: HCIStatus)
    /// The adapter went away during the scan (unplugged, or the test controller closed its end).
    case adapterLost
    /// The `GLUTEBRIDGE_HCI_SOCKET` test controller could not be reached.
    case unixSocketUnavailable(path: String, SystemError)
    /// Any other failed system call.
    case system(SystemError)

    public var description: String {
        switch self {
        case .noBluetoothInKernel:
            return BLEConnectError.noBluetoothInKernel.description
        case .noAdapter(let adapter, let error):
            return "no Bluetooth adapter \(adapter) (\(error)): plug one in, check `bluetoothctl list`, or name another with --adapter hciN"
        case .adapterDown(let adapter):
            return "the Bluetooth adapter \(adapter) is down (ENETDOWN): power it on with `bluetoothctl power on` or `rfkill unblock bluetooth`"
        case .permissionDenied(let error):
            return "LE scanning needs CAP_NET_RAW: run `sudo setcap 'cap_net_raw,cap_net_admin+eip' $(command -v glutebridge)` or use sudo (\(error))"
        case .malformedAdapter(let text):
            return "'\(text)' is not an adapter name: use hci0, hci1, ... (`bluetoothctl list` shows them)"
        case .controllerTimeout(let command, let seconds):
            return "the Bluetooth adapter did not answer \(command) within \(seconds) s: power-cycle it (`bluetoothctl power off; bluetoothctl power on`) or replug it"
        case .commandFailed(let command, let status):
            // Refusing to enable a scan that another program runs is the common case.
            let fix = status == .commandDisallowed
                ? "another program may be scanning: stop it (`bluetoothctl scan off`) and try again"
                : "power-cycle the adapter (`bluetoothctl power off; bluetoothctl power on`) and try again"
            return "the Bluetooth adapter refused \(command): \(status): \(fix)"
        case .adapterLost:
            return "the Bluetooth adapter went away during the scan: is it still plugged in? (`bluetoothctl list`)"
        case .unixSocketUnavailable(let path, let error):
            return "cannot reach the HCI test socket \(path) (\(error)): start the fake controller first, or unset \(HCIScannerOpener.environmentVariable)"
        case .system(let error):
            return "LE scan failed: \(error)"
        }
    }
}
