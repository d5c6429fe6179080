/// An HCI status / error code (Core Vol 1 Part F), as carried by Command Complete and Command Status.
public struct HCIStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let success = HCIStatus(rawValue: 0x00)
    /// The controller does not know the command: an adapter older than the command (extended
    /// scanning needs Bluetooth 5).
    public static let unknownCommand = HCIStatus(rawValue: 0x01)
    public static let hardwareFailure = HCIStatus(rawValue: 0x03)
    public static let memoryCapacityExceeded = HCIStatus(rawValue: 0x07)
    /// The command is not allowed now: after a host used extended scanning (bluetoothd does on
    /// Bluetooth 5 adapters) the controller refuses the legacy scan commands with this code; it is
    /// also the answer to enabling a scan that already runs.
    public static let commandDisallowed = HCIStatus(rawValue: 0x0C)
    public static let unsupportedFeature = HCIStatus(rawValue: 0x11)
    public static let invalidParameters = HCIStatus(rawValue: 0x12)
    public static let unspecifiedError = HCIStatus(rawValue: 0x1F)

    public var isSuccess: Bool { rawValue == 0 }

    /// Whether a legacy scan command failing with this status means "use the extended commands".
    public var asksForExtendedCommands: Bool { self == .commandDisallowed || self == .unknownCommand }

    /// The specification's name and the code, e.g. `Command Disallowed (0x0C)`.
    public var description: String {
        let name: String
        switch self {
        case .success: name = "Success"
        case .unknownCommand: name = "Unknown HCI Command"
        case .hardwareFailure: name = "Hardware Failure"
        case .memoryCapacityExceeded: name = "Memory Capacity Exceeded"
        case .commandDisallowed: name = "Command Disallowed"
        case .unsupportedFeature: name = "Unsupported Feature or Parameter Value"
        case .invalidParameters: name = "Invalid HCI Command Parameters"
        case .unspecifiedError: name = "Unspecified Error"
        default: name = "HCI error"
        }
        return name + " (" + HCIHex.byte(rawValue) + ")"
    }
}
