/// The GATT layouts of the sensors GluteBridge reads over Bluetooth LE (`ble:ADDR?profile=`).
///
/// Every UUID is compared in all 128 bits: WitMotion's services sit on the base
/// ...-0000-1000-8000-00805f9a34fb, one byte off the Bluetooth base, so its 0xFFE5 is not the
/// standard 16-bit 0xFFE5.
public enum BLESensorProfile: String, Sendable, CaseIterable, Equatable {
    /// The GluteBridge firmware's own profile (firmware-protocol.md section 5).
    case native
    /// WitMotion Bluetooth 5.0 IMUs (WT901BLECL, BWT901BLECL5.0).
    case witmotion
    /// The BBC micro:bit accelerometer service.
    case microbit

    /// The primary service that identifies the profile.
    public var service: BluetoothUUID {
        switch self {
        case .native: NativeGATT.service
        case .witmotion: WitMotionGATT.service
        case .microbit: MicrobitGATT.accelerometerService
        }
    }

    /// The characteristic whose notifications carry the samples.
    public var dataCharacteristic: BluetoothUUID {
        switch self {
        case .native: NativeGATT.data
        case .witmotion: WitMotionGATT.notify
        case .microbit: MicrobitGATT.accelerometerData
        }
    }

    /// The decoder name (`DecoderChoice`, the capture header's `protocol`) for this profile's
    /// notifications, fed one notification per chunk.
    public var protocolName: String {
        switch self {
        case .native: "native-gatt"
        case .witmotion: "witmotion-ble"
        case .microbit: "microbit"
        }
    }

    /// The profile a device offers, judged by its primary services; native first when a device
    /// somehow offers several.
    public static func detect(services: [BluetoothUUID]) -> BLESensorProfile? {
        allCases.first { services.contains($0.service) }
    }
}

/// firmware-protocol.md section 5.
public enum NativeGATT {
    public static let service = BluetoothUUID("6a1e0001-5b6f-4c2e-9f0b-9d3c1b2a4e10")!
    /// notify: one native frame (header + payload, no COBS, delimiter or CRC) per notification.
    public static let data = BluetoothUUID("6a1e0002-5b6f-4c2e-9f0b-9d3c1b2a4e10")!
    /// write, write without response: host commands as header + payload.
    public static let control = BluetoothUUID("6a1e0003-5b6f-4c2e-9f0b-9d3c1b2a4e10")!
    /// read: the device info payload alone.
    public static let info = BluetoothUUID("6a1e0004-5b6f-4c2e-9f0b-9d3c1b2a4e10")!
    /// The ATT MTU the host asks for; a frame never exceeds MTU - 3 bytes.
    public static let preferredMTU = 247
    /// The smallest MTU the profile works at: a 61-byte frame holds an IMU batch of one sample
    /// with magnetometer and quaternion, a status or a marker (firmware-protocol.md section 5).
    public static let minimumMTU = 64
}

/// WitMotion's BLE 5.0 UART-style service.
public enum WitMotionGATT {
    public static let service = BluetoothUUID("0000ffe5-0000-1000-8000-00805f9a34fb")!
    /// notify: 20-byte `0x55 0x61` packets (and `0x55 0x71` register replies).
    public static let notify = BluetoothUUID("0000ffe4-0000-1000-8000-00805f9a34fb")!
    /// write: configuration commands (`0xFF 0xAA REG LO HI`).
    public static let write = BluetoothUUID("0000ffe9-0000-1000-8000-00805f9a34fb")!
}

/// The BBC micro:bit accelerometer service.
public enum MicrobitGATT {
    public static let accelerometerService = BluetoothUUID("e95d0753-251d-470a-a062-fa1922dfa9a8")!
    /// read, notify: x, y, z as int16 little-endian, milli-g.
    public static let accelerometerData = BluetoothUUID("e95dca4b-251d-470a-a062-fa1922dfa9a8")!
    /// read, write: uint16 little-endian sampling period in ms; the device picks the nearest it
    /// supports, so read it back.
    public static let accelerometerPeriod = BluetoothUUID("e95dfb24-251d-470a-a062-fa1922dfa9a8")!
    /// The periods the micro:bit firmware supports, in ms.
    public static let supportedPeriods: [UInt16] = [1, 2, 5, 10, 20, 80, 160, 640]
}
