/// The kernel's `struct sockaddr_l2` and `struct bt_security`, built as bytes so the layout is the
/// kernel's and not whatever Swift makes of `bdaddr_t`, which the C header declares packed.
enum L2CAPSocketAddress {
    static let addressFamily: UInt16 = 31  // AF_BLUETOOTH
    static let protocolL2CAP: Int32 = 0  // BTPROTO_L2CAP
    static let attChannel: UInt16 = 4  // ATT_CID, the LE fixed channel for ATT
    static let levelBluetooth: Int32 = 274  // SOL_BLUETOOTH
    static let optionSecurity: Int32 = 4  // BT_SECURITY
    static let publicLE: UInt8 = 1  // BDADDR_LE_PUBLIC
    static let randomLE: UInt8 = 2  // BDADDR_LE_RANDOM

    /// `l2_family` u16, `l2_psm` u16 LE, `l2_bdaddr` 6 bytes (reversed), `l2_cid` u16 LE,
    /// `l2_bdaddr_type` u8, one byte of tail padding: 14 bytes.
    static let size = 14

    /// A `sockaddr_l2` for `address` (all zero: `BDADDR_ANY`) on channel `cid` with no PSM: the
    /// kernel rejects a PSM and a CID together.
    static func bytes(address: [UInt8], addressType: UInt8, cid: UInt16) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        bytes[0] = UInt8(addressFamily & 0xFF)
        bytes[1] = UInt8(addressFamily >> 8)
        // bytes[2...3]: l2_psm stays 0.
        for (index, byte) in address.prefix(6).enumerated() { bytes[4 + index] = byte }
        bytes[10] = UInt8(cid & 0xFF)
        bytes[11] = UInt8(cid >> 8)
        bytes[12] = addressType
        return bytes
    }

    /// `struct bt_security { uint8_t level; uint8_t key_size; }`; key size 0 lets the kernel choose.
    static func security(level: BLESecurityLevel) -> [UInt8] { [level.kernelLevel, 0] }
}

/// How much link security to ask the kernel for before ATT traffic flows.
public enum BLESecurityLevel: String, Sendable, Equatable, CaseIterable {
    /// No encryption (`BT_SECURITY_LOW`), the kernel default.
    case low
    /// Encrypted, unauthenticated pairing allowed (`BT_SECURITY_MEDIUM`).
    case medium
    /// Encrypted with an authenticated (MITM-protected) key (`BT_SECURITY_HIGH`).
    case high

    var kernelLevel: UInt8 {
        switch self {
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        }
    }
}
