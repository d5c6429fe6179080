/// The wire protocol a serial device probably speaks, judged from udev's view of it before a
/// single byte is read. A hint only: the session still confirms it from the stream.
public enum ExpectedProtocol: String, Sendable, Equatable, CaseIterable {
    /// GluteBridge firmware (framed, CRC-checked messages).
    case native
    /// WitMotion's 11-byte 0x55 packets, behind a CH340 or CP210x bridge.
    case witmotion
    /// Nothing known about the device; `protocol=auto` applies.
    case unknown

    /// The protocol for a device, from the `GLUTEBRIDGE_PROTOCOL` property our rules set when
    /// present and understood, else from the USB identity.
    ///
    /// - Parameters:
    ///   - property: the value of `GLUTEBRIDGE_PROTOCOL`, nil when the rules did not tag the device.
    ///   - vendorID: USB idVendor as 4 hex digits (any case), nil for a non-USB port.
    ///   - productID: USB idProduct as 4 hex digits (any case).
    ///   - product: the USB product string, needed for the shared pid.codes test PID.
    public static func classify(property: String?, vendorID: String?, productID: String?, product: String?) -> ExpectedProtocol {
        if let property, let tagged = ExpectedProtocol(rawValue: property.lowercased()), tagged != .unknown {
            return tagged
        }
        guard let vendorID, let productID else { return .unknown }
        switch (vendorID.lowercased(), productID.lowercased()) {
        case ("1209", "0001"):
            // The pid.codes test PID is shared by every hobby project on the planet: without our
            // product string it is somebody else's board.
            return (product ?? "").hasPrefix("GluteBridge") ? .native : .unknown
        case ("1a86", "7523"), ("10c4", "ea60"):
            return .witmotion
        default:
            return .unknown
        }
    }
}
