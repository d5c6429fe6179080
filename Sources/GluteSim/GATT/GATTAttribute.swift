import GluteWire

/// One row of an attribute database: a handle, a type, a value and what a client may do with it.
public struct GATTAttribute: Sendable, Equatable {
    /// Access a client has to the value over ATT.
    public struct Permissions: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let read = Permissions(rawValue: 1 << 0)
        /// Write requests and write commands alike.
        public static let write = Permissions(rawValue: 1 << 1)
    }

    public let handle: UInt16
    public let type: BluetoothUUID
    public var value: [UInt8]
    public let permissions: Permissions
    /// The value lengths a write may store; any other length is refused with "invalid attribute
    /// value length" (0x0D).
    public let writableLengths: ClosedRange<Int>

    public init(handle: UInt16, type: BluetoothUUID, value: [UInt8], permissions: Permissions,
                writableLengths: ClosedRange<Int> = 0...512) {
        self.handle = handle
        self.type = type
        self.value = value
        self.permissions = permissions
        self.writableLengths = writableLengths
    }
}

extension BluetoothUUID {
    /// The shortest form ATT allows: 2 bytes for a UUID on the Bluetooth base, else 16. Servers
    /// put this form in declarations and discovery responses.
    var compactBytes: [UInt8] {
        if let short = shortValue { return BluetoothUUID(short).littleEndianBytes }
        return as128Bit.littleEndianBytes
    }
}
