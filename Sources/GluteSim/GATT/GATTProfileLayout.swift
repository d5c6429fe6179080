import GluteWire

/// The attribute table of one simulated sensor profile and the handles its device drives.
///
/// - native: the GluteBridge service (data notify; control write and write without response;
///   info read), Battery, Device Information (firmware-protocol.md section 5).
/// - witmotion: service `0000ffe5-...-00805f9a34fb` with ffe4 (notify) and ffe9 (write, write
///   without response), Battery.
/// - microbit: the accelerometer service with data (read, notify) and period (read, write),
///   Battery.
public struct GATTProfileLayout: Sendable, Equatable {
    public let profile: BLESensorProfile
    public let database: GATTDatabase
    /// The characteristic whose notifications carry samples.
    public let dataHandle: UInt16
    /// Battery Level (0x2A19).
    public let batteryHandle: UInt16
    /// Where the host writes commands: native control, WitMotion ffe9. Nil for the micro:bit.
    public let commandHandle: UInt16?
    /// Native info (the device info payload alone). Nil for other profiles.
    public let infoHandle: UInt16?
    /// micro:bit accelerometer period (uint16 LE, ms). Nil for other profiles.
    public let periodHandle: UInt16?

    /// - Parameters:
    ///   - deviceInfo: fills the native info value and the Device Information strings.
    ///   - microbitPeriod: the accelerometer period the micro:bit starts with, in ms.
    public init(profile: BLESensorProfile, deviceInfo: DeviceInfo, batteryPercent: UInt8, microbitPeriod: UInt16 = 20) {
        self.profile = profile
        var builder = GATTDatabaseBuilder()
        var commandHandle: UInt16?, infoHandle: UInt16?, periodHandle: UInt16?
        let dataHandle: UInt16
        switch profile {
        case .native:
            builder.addService(NativeGATT.service)
            dataHandle = builder.addCharacteristic(NativeGATT.data, properties: [.notify])
            commandHandle = builder.addCharacteristic(NativeGATT.control, properties: [.write, .writeWithoutResponse],
                                                      writableLengths: NativeFrame.headerSize...(NativeFrame.headerSize + NativeFrame.maxPayload))
            infoHandle = builder.addCharacteristic(NativeGATT.info, properties: [.read], value: deviceInfo.encode())
        case .witmotion:
            builder.addService(WitMotionGATT.service)
            dataHandle = builder.addCharacteristic(WitMotionGATT.notify, properties: [.notify])
            commandHandle = builder.addCharacteristic(WitMotionGATT.write, properties: [.write, .writeWithoutResponse],
                                                      writableLengths: 1...20)
        case .microbit:
            builder.addService(MicrobitGATT.accelerometerService)
            dataHandle = builder.addCharacteristic(MicrobitGATT.accelerometerData, properties: [.read, .notify],
                                                   value: [0, 0, 0, 0, 0, 0])
            periodHandle = builder.addCharacteristic(MicrobitGATT.accelerometerPeriod, properties: [.read, .write],
                                                     value: Self.littleEndian(microbitPeriod), writableLengths: 2...2)
        }
        builder.addService(GATTAssignedNumbers.batteryService)
        batteryHandle = builder.addCharacteristic(GATTAssignedNumbers.batteryLevel, properties: [.read, .notify],
                                                  value: [batteryPercent])
        if profile == .native {
            builder.addService(GATTAssignedNumbers.deviceInformationService)
            let firmware = "\(deviceInfo.firmwareMajor).\(deviceInfo.firmwareMinor).\(deviceInfo.firmwarePatch)"
            for (uuid, text) in [(GATTAssignedNumbers.manufacturerName, "GluteBridge"),
                                 (GATTAssignedNumbers.modelNumber, deviceInfo.name),
                                 (GATTAssignedNumbers.serialNumber, deviceInfo.serial),
                                 (GATTAssignedNumbers.firmwareRevision, firmware)] {
                builder.addCharacteristic(uuid, properties: [.read], value: Array(text.utf8))
            }
        }
        database = builder.build()
        self.dataHandle = dataHandle
        self.commandHandle = commandHandle
        self.infoHandle = infoHandle
        self.periodHandle = periodHandle
    }

    static func littleEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }
}
