import Glibc

/// Why a serial port could not be opened or configured, phrased for the user: each message names
/// the device and the cause.
public enum SerialPortError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ENOENT`, `ENODEV`, `ENXIO`: nothing at that path (unplugged, or a typo).
    case noSuchDevice(path: String)
    /// `EACCES`, `EPERM`: the user may not open it.
    case permissionDenied(path: String)
    /// `EBUSY`, or the `flock` is taken: another process holds the port.
    case busy(path: String)
    /// `ENOTTY`: the path is not a terminal device.
    case notATerminal(path: String)
    /// `baudRate` is not a positive rate the kernel can carry.
    case invalidBaudRate(path: String, requested: Int)
    /// The kernel reports settings other than those requested.
    case settingsNotApplied(path: String, detail: String)
    /// Any other failure of a system call.
    case system(path: String, SystemError)

    /// Maps a failed call on the device at `path` to the case a user should see.
    public init(path: String, _ error: SystemError) {
        switch error.code {
        case ENOENT, ENODEV, ENXIO: self = .noSuchDevice(path: path)
        case EACCES, EPERM: self = .permissionDenied(path: path)
        case EBUSY, EWOULDBLOCK: self = .busy(path: path)
        case ENOTTY: self = .notATerminal(path: path)
        default: self = .system(path: path, error)
        }
    }

    /// The device the error is about.
    public var path: String {
        switch self {
        case .noSuchDevice(let path), .permissionDenied(let path), .busy(let path), .notATerminal(let path),
             .invalidBaudRate(let path, _), .settingsNotApplied(let path, _), .system(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .noSuchDevice(let path):
            "\(path): no such device (is it plugged in?)"
        case .permissionDenied(let path):
            "\(path): permission denied; install the udev rules (see README) or join the dialout group"
        case .busy(let path):
            "\(path): busy, another process holds it; close that program and retry"
        case .notATerminal(let path):
            "\(path): not a tty; expected a serial device such as /dev/ttyACM0 or /dev/ttyUSB0"
        case .invalidBaudRate(let path, let requested):
            "\(path): \(requested) is not a usable baud rate"
        case .settingsNotApplied(let path, let detail):
            "\(path): the device did not take the requested settings: \(detail)"
        case .system(let path, let error):
            "\(path): \(error)"
        }
    }
}
