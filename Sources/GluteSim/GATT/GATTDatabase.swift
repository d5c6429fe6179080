import GluteWire

/// A GATT server's attribute table: primary services, their characteristic declarations (0x2803),
/// values and Client Characteristic Configuration descriptors (0x2902), with handles from 1 up
/// and no gaps. Built with `GATTDatabaseBuilder`.
public struct GATTDatabase: Sendable, Equatable {
    /// A primary service and the handle range it groups.
    public struct Service: Sendable, Equatable {
        public let uuid: BluetoothUUID
        public let startHandle: UInt16
        public internal(set) var endHandle: UInt16
    }

    /// A characteristic and the handles of its declaration, value and configuration descriptor.
    public struct Characteristic: Sendable, Equatable {
        public let uuid: BluetoothUUID
        public let properties: GATTCharacteristicProperties
        public let declarationHandle: UInt16
        public let valueHandle: UInt16
        /// Present exactly when the characteristic can notify or indicate.
        public let configurationHandle: UInt16?
    }

    /// Index `i` holds handle `i + 1`.
    public internal(set) var attributes: [GATTAttribute] = []
    public internal(set) var services: [Service] = []
    public internal(set) var characteristics: [Characteristic] = []

    /// The last handle in use (0 for an empty database).
    public var lastHandle: UInt16 { UInt16(attributes.count) }

    public func attribute(_ handle: UInt16) -> GATTAttribute? {
        guard handle >= 1, Int(handle) <= attributes.count else { return nil }
        return attributes[Int(handle) - 1]
    }

    /// Replaces a value from the server's side (a new reading, a setting the device chose);
    /// ignored for a handle not in the table.
    public mutating func setValue(_ value: [UInt8], at handle: UInt16) {
        guard handle >= 1, Int(handle) <= attributes.count else { return }
        attributes[Int(handle) - 1].value = value
    }

    /// The first characteristic with this UUID (all 128 bits compared).
    public func characteristic(_ uuid: BluetoothUUID) -> Characteristic? {
        characteristics.first { $0.uuid == uuid }
    }

    public func characteristic(valueHandle: UInt16) -> Characteristic? {
        characteristics.first { $0.valueHandle == valueHandle }
    }

    public func characteristic(configurationHandle: UInt16) -> Characteristic? {
        characteristics.first { $0.configurationHandle == configurationHandle }
    }
}

/// Lays out a `GATTDatabase` in declaration order: a service, then its characteristics, then the
/// next service.
public struct GATTDatabaseBuilder: Sendable {
    private var database = GATTDatabase()

    public init() {}

    private var nextHandle: UInt16 { UInt16(database.attributes.count + 1) }

    private mutating func append(_ type: BluetoothUUID, _ value: [UInt8], _ permissions: GATTAttribute.Permissions,
                                 writableLengths: ClosedRange<Int> = 0...512) -> UInt16 {
        let handle = nextHandle
        database.attributes.append(GATTAttribute(handle: handle, type: type, value: value, permissions: permissions,
                                                 writableLengths: writableLengths))
        if !database.services.isEmpty { database.services[database.services.count - 1].endHandle = handle }
        return handle
    }

    /// Starts a primary service; the characteristics added next belong to it.
    public mutating func addService(_ uuid: BluetoothUUID) {
        let handle = nextHandle
        database.services.append(GATTDatabase.Service(uuid: uuid, startHandle: handle, endHandle: handle))
        _ = append(GATTAssignedNumbers.primaryService, uuid.compactBytes, .read)
    }

    /// Adds a characteristic to the current service: its declaration, its value, and a
    /// configuration descriptor when it notifies or indicates. Returns the value handle.
    ///
    /// - Parameters:
    ///   - writableLengths: value lengths a write may store (only with `.write` or
    ///     `.writeWithoutResponse`).
    @discardableResult
    public mutating func addCharacteristic(_ uuid: BluetoothUUID, properties: GATTCharacteristicProperties,
                                           value: [UInt8] = [], writableLengths: ClosedRange<Int> = 0...512) -> UInt16 {
        precondition(!database.services.isEmpty, "a characteristic belongs to a service")
        let declarationHandle = nextHandle
        let valueHandle = declarationHandle + 1
        let declaration = GATTCharacteristicDeclaration(properties: properties, valueHandle: valueHandle,
                                                        uuid: uuid.shortValue.map(BluetoothUUID.init) ?? uuid.as128Bit)
        _ = append(GATTAssignedNumbers.characteristic, declaration.encode(), .read)
        var permissions: GATTAttribute.Permissions = []
        if properties.contains(.read) { permissions.insert(.read) }
        if !properties.isDisjoint(with: [.write, .writeWithoutResponse]) { permissions.insert(.write) }
        _ = append(uuid, value, permissions, writableLengths: writableLengths)
        var configurationHandle: UInt16?
        if properties.pushesValues {
            configurationHandle = append(GATTAssignedNumbers.clientCharacteristicConfiguration, [0, 0], [.read, .write],
                                         writableLengths: 2...2)
        }
        database.characteristics.append(GATTDatabase.Characteristic(
            uuid: uuid, properties: properties, declarationHandle: declarationHandle, valueHandle: valueHandle,
            configurationHandle: configurationHandle))
        return valueHandle
    }

    public func build() -> GATTDatabase { database }
}
