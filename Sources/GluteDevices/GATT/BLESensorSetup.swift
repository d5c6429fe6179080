import GluteWire

/// What connecting to a sensor found and arranged: the profile, the handles its pushes come on,
/// and what was read on the way.
public struct BLESensorSetup: Sendable, Equatable {
    public var profile: BLESensorProfile
    public var mtu: Int
    /// Notifications on this handle carry samples.
    public var dataHandle: UInt16
    /// Battery Level notifications, when the device offers them.
    public var batteryHandle: UInt16?
    /// Battery level in percent, when the device has a Battery Service.
    public var batteryLevel: UInt8?
    /// The micro:bit's accelerometer period as read back after asking for ours, in ms.
    public var samplePeriodMs: UInt16?
    /// Every primary service found.
    public var services: [BluetoothUUID]

    /// Performs the GATT part of connecting: MTU exchange, discovery, the profile's own settings,
    /// the battery, and the data subscription, last, so that samples start only once all is set.
    ///
    /// - Parameters:
    ///   - requested: the profile to use, or nil to pick by the services found.
    ///   - device: the device's name for error messages.
    ///   - microbitPeriodMs: the accelerometer period to ask a micro:bit for.
    ///   - willSubscribe: called with the finished setup just before the data subscription, so
    ///     that the first notification finds its way (and its session) ready.
    public static func perform(
        on client: GATTClient, requested: BLESensorProfile?, device: String, microbitPeriodMs: UInt16 = 10,
        willSubscribe: (BLESensorSetup) -> Void
    ) throws(BLESensorError) -> BLESensorSetup {
        let mtu = try gatt { () throws(GATTError) in try negotiateMTU(client) }
        let services = try gatt { () throws(GATTError) in try client.discoverPrimaryServices() }
        let found = services.map(\.uuid)
        let profile: BLESensorProfile
        if let requested {
            guard found.contains(requested.service) else { throw .profileNotOffered(requested, device: device, found: found) }
            profile = requested
        } else {
            guard let detected = BLESensorProfile.detect(services: found) else { throw .noSupportedProfile(device: device, found: found) }
            profile = detected
        }
        if profile == .native, mtu < NativeGATT.minimumMTU {
            throw .mtuTooSmall(profile, device: device, agreed: mtu, needed: NativeGATT.minimumMTU)
        }
        let service = services.first { $0.uuid == profile.service }!
        let characteristics = try gatt { () throws(GATTError) in try client.discoverCharacteristics(of: service) }
        guard let data = characteristics.first(where: { $0.uuid == profile.dataCharacteristic }),
              data.properties.pushesValues else {
            throw .missingCharacteristic(profile, profile.dataCharacteristic)
        }
        var setup = BLESensorSetup(profile: profile, mtu: mtu, dataHandle: data.valueHandle, services: found)
        if profile == .microbit, let period = characteristics.first(where: { $0.uuid == MicrobitGATT.accelerometerPeriod }) {
            let answer = try gatt { () throws(GATTError) -> [UInt8] in
                try client.write(period.valueHandle, [UInt8(truncatingIfNeeded: microbitPeriodMs), UInt8(truncatingIfNeeded: microbitPeriodMs >> 8)])
                return try client.read(period.valueHandle)
            }
            if answer.count == 2 { setup.samplePeriodMs = UInt16(answer[0]) | UInt16(answer[1]) << 8 }
        }
        if let battery = try gatt({ () throws(GATTError) in try batteryLevelCharacteristic(client, services) }) {
            // The battery is a nicety: a device that refuses it is still read.
            if battery.properties.contains(.read), let level = try? client.read(battery.valueHandle).first {
                setup.batteryLevel = level
            }
            if battery.properties.contains(.notify), (try? client.subscribe(to: battery)) != nil {
                setup.batteryHandle = battery.valueHandle
            }
        }
        willSubscribe(setup)
        _ = try gatt { () throws(GATTError) in try client.subscribe(to: data) }
        return setup
    }

    private static func gatt<T>(_ body: () throws(GATTError) -> T) throws(BLESensorError) -> T {
        do { return try body() } catch { throw .gatt(error) }
    }

    /// A server that cannot negotiate stays at the default MTU of 23.
    private static func negotiateMTU(_ client: GATTClient) throws(GATTError) -> Int {
        do {
            return try client.exchangeMTU()
        } catch {
            if case .attribute(_, _, let code) = error, code == .requestNotSupported { return client.mtu }
            throw error
        }
    }

    private static func batteryLevelCharacteristic(_ client: GATTClient, _ services: [GATTService]) throws(GATTError) -> GATTCharacteristic? {
        guard let service = services.first(where: { $0.uuid == GATTAssignedNumbers.batteryService }) else { return nil }
        return try client.discoverCharacteristics(of: service).first { $0.uuid == GATTAssignedNumbers.batteryLevel }
    }
}
