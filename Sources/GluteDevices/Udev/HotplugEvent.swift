/// One device appearing or going away, as the udev monitor reported it.
public struct HotplugEvent: Sendable, Equatable {
    /// What happened to the device.
    public enum Action: Sendable, Equatable, CustomStringConvertible {
        case add, remove, change
        /// Actions a serial session does not act on (`bind`, `unbind`, `move`, `online`...).
        case other(String)

        public init(_ text: String) {
            switch text {
            case "add": self = .add
            case "remove": self = .remove
            case "change": self = .change
            default: self = .other(text)
            }
        }

        public var description: String {
            switch self {
            case .add: "add"
            case .remove: "remove"
            case .change: "change"
            case .other(let text): text
            }
        }
    }

    public var action: Action
    /// The device node, such as `/dev/ttyACM0`; nil for a tty without one.
    public var devnode: String?
    /// The kernel's path under /sys, the identity to compare with `SerialDeviceInfo.sysPath`.
    public var sysPath: String
    /// The device as discovery describes it; nil when it is not a candidate (a pty, a virtual
    /// console) or, on removal, when too little of it is left to describe.
    public var device: SerialDeviceInfo?

    public init(action: Action, devnode: String?, sysPath: String, device: SerialDeviceInfo? = nil) {
        self.action = action
        self.devnode = devnode
        self.sysPath = sysPath
        self.device = device
    }
}
