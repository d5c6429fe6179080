import GluteWire

/// Why a Bluetooth LE sensor could not be read, as one line a user can act on.
public enum BLESensorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ATT link could not be opened.
    case connect(BLEConnectError)
    /// A GATT operation failed.
    case gatt(GATTError)
    /// `profile=` named a profile whose service the device does not offer.
    case profileNotOffered(BLESensorProfile, device: String, found: [BluetoothUUID])
    /// `profile=auto`, and none of the supported services is there.
    case noSupportedProfile(device: String, found: [BluetoothUUID])
    /// The profile's service lacks its data characteristic (or cannot notify).
    case missingCharacteristic(BLESensorProfile, BluetoothUUID)
    /// The MTU agreed on is too small for the profile's frames.
    case mtuTooSmall(BLESensorProfile, device: String, agreed: Int, needed: Int)

    public var description: String {
        switch self {
        case .connect(let error): return "\(error)"
        case .gatt(let error): return "\(error)"
        case .profileNotOffered(let profile, let device, let found):
            return "\(device) offers no \(profile.rawValue) service (\(profile.service)); it has \(Self.list(found)): try profile=auto"
        case .noSupportedProfile(let device, let found):
            return "\(device) offers none of the supported sensor services (native, witmotion, microbit); it has \(Self.list(found))"
        case .missingCharacteristic(let profile, let uuid):
            return "the \(profile.rawValue) service has no usable data characteristic \(uuid) (notify)"
        case .mtuTooSmall(let profile, let device, let agreed, let needed):
            return "\(device) agreed on an ATT MTU of \(agreed); the \(profile.rawValue) profile needs at least \(needed) (firmware-protocol.md section 5): update the sensor's firmware"
        }
    }

    private static func list(_ services: [BluetoothUUID]) -> String {
        services.isEmpty ? "no services" : services.map { $0.shortValue.map { "0x" + String($0, radix: 16, uppercase: true) } ?? "\($0)" }
            .joined(separator: ", ")
    }
}
