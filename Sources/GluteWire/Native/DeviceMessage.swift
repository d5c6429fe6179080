/// A native message that carries no samples.
public enum DeviceMessage: Sendable, Equatable {
    case info(DeviceInfo)
    case status(DeviceStatus)
    case marker(Marker)
    case error(DeviceError)
    case ack(Acknowledgement)
    case nak(NegativeAcknowledgement)
    /// A host command, seen when decoding host-to-device traffic (the virtual sensor does).
    case command(HostCommand)
}

/// Battery and health flags, sent about once a second.
public struct DeviceStatus: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let charging = Flags(rawValue: 1 << 0)
        public static let streaming = Flags(rawValue: 1 << 1)
        public static let gyroOverRange = Flags(rawValue: 1 << 2)
        public static let accelOverRange = Flags(rawValue: 1 << 3)
        public static let lowBattery = Flags(rawValue: 1 << 4)
        public static let calibrating = Flags(rawValue: 1 << 5)
    }
    /// 0...100, or nil when the device cannot tell (sent as 255).
    public var batteryPercent: UInt8?
    public var batteryMillivolts: UInt16
    public var flags: Flags
    /// Degrees Celsius, in hundredths on the wire.
    public var temperature: Double

    public init(batteryPercent: UInt8?, batteryMillivolts: UInt16, flags: Flags, temperature: Double) {
        self.batteryPercent = batteryPercent
        self.batteryMillivolts = batteryMillivolts
        self.flags = flags
        self.temperature = temperature
    }
}

/// A button press on the device, for the wearer to mark a moment.
public struct Marker: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case short = 1, long = 2 }
    public var button: UInt8
    public var kind: Kind
    public init(button: UInt8, kind: Kind) { self.button = button; self.kind = kind }
}

/// A fault the device reports about itself.
public struct DeviceError: Sendable, Equatable {
    public var code: UInt8
    public var text: String
    public init(code: UInt8, text: String) { self.code = code; self.text = text }
}

/// The device carried out the command sent in frame `sequence`.
public struct Acknowledgement: Sendable, Equatable {
    public var command: UInt8
    public var sequence: UInt16
    public init(command: UInt8, sequence: UInt16) { self.command = command; self.sequence = sequence }
}

/// The device refused the command sent in frame `sequence`.
public struct NegativeAcknowledgement: Sendable, Equatable {
    public enum Reason: UInt8, Sendable { case unknownCommand = 1, badArgument = 2, busy = 3, unsupported = 4 }
    public var command: UInt8
    public var sequence: UInt16
    public var reason: UInt8
    public init(command: UInt8, sequence: UInt16, reason: UInt8) {
        self.command = command; self.sequence = sequence; self.reason = reason
    }
}

/// What the host asks of the device.
public enum HostCommand: Sendable, Equatable {
    case ping
    case getInfo
    case startStreaming
    case stopStreaming
    case setRate(imuHz: UInt16, pressureHz: UInt16)
    case tare
}
