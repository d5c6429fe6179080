import GluteWire

/// A primary service found by discovery: its UUID and the handle range it owns.
public struct GATTService: Sendable, Equatable {
    public var uuid: BluetoothUUID
    public var startHandle: UInt16
    public var endHandle: UInt16

    public init(uuid: BluetoothUUID, startHandle: UInt16, endHandle: UInt16) {
        self.uuid = uuid
        self.startHandle = startHandle
        self.endHandle = endHandle
    }
}

/// A characteristic found by discovery. `endHandle` is the last handle that can belong to it (its
/// descriptors lie between `valueHandle` and `endHandle`).
public struct GATTCharacteristic: Sendable, Equatable {
    public var uuid: BluetoothUUID
    public var declarationHandle: UInt16
    public var valueHandle: UInt16
    public var endHandle: UInt16
    public var properties: GATTCharacteristicProperties

    public init(uuid: BluetoothUUID, declarationHandle: UInt16, valueHandle: UInt16, endHandle: UInt16,
                properties: GATTCharacteristicProperties) {
        self.uuid = uuid
        self.declarationHandle = declarationHandle
        self.valueHandle = valueHandle
        self.endHandle = endHandle
        self.properties = properties
    }
}

/// A characteristic descriptor: its handle and type (0x2902 for the CCCD).
public struct GATTDescriptor: Sendable, Equatable {
    public var handle: UInt16
    public var type: BluetoothUUID

    public init(handle: UInt16, type: BluetoothUUID) {
        self.handle = handle
        self.type = type
    }
}

/// A value the server pushed: a notification, or an indication (already confirmed), with the
/// host's clocks read when it arrived.
public struct GATTNotification: Sendable, Equatable {
    public var handle: UInt16
    public var value: [UInt8]
    public var isIndication: Bool
    public var received: HostTime

    public init(handle: UInt16, value: [UInt8], isIndication: Bool, received: HostTime) {
        self.handle = handle
        self.value = value
        self.isIndication = isIndication
        self.received = received
    }
}

/// What the client saw that it had to drop, for tests and `doctor`-style diagnostics.
public struct GATTClientStatistics: Sendable, Equatable {
    public var requestsSent = 0
    public var notifications = 0
    public var indications = 0
    /// PDUs that did not decode (truncated, inconsistent) or exceeded the MTU.
    public var malformedPDUs = 0
    /// Well-formed PDUs nobody asked for (a response with no request pending, a wrong response).
    public var unexpectedPDUs = 0
    /// Requests from the server that this client, which has no attributes, answered with an error.
    public var peerRequestsRefused = 0
    /// Requests repeated after raising the link's security level.
    public var securityRetries = 0

    public init() {}
}
