/// The kind of address an LE advertising report carries (Core Vol 4 Part E 7.7.65.2 and .13).
public struct LEAddressType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let `public` = LEAddressType(rawValue: 0x00)
    public static let random = LEAddressType(rawValue: 0x01)
    /// A public identity address the controller resolved from a resolvable private address.
    public static let publicIdentity = LEAddressType(rawValue: 0x02)
    /// A static random identity address the controller resolved.
    public static let randomIdentity = LEAddressType(rawValue: 0x03)
    /// Extended reports only: an anonymous advertisement, without an address.
    public static let anonymous = LEAddressType(rawValue: 0xFF)

    /// Whether `ble:ADDR?type=random` is needed to connect to this address.
    public var isRandom: Bool { self == .random || self == .randomIdentity }

    /// `public`, `random`, `public-id`, `random-id`, `anonymous` or the hex code.
    public var description: String {
        switch self {
        case .public: "public"
        case .random: "random"
        case .publicIdentity: "public-id"
        case .randomIdentity: "random-id"
        case .anonymous: "anonymous"
        default: HCIHex.byte(rawValue)
        }
    }
}
