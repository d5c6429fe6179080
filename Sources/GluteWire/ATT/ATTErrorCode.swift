/// The error code of an ATT error response (Vol 3 Part F, 3.4.1.1). A struct rather than an enum so
/// that reserved, application (0x80-0x9F) and profile (0xE0-0xFF) codes survive a round trip.
public struct ATTErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let invalidHandle = ATTErrorCode(rawValue: 0x01)
    public static let readNotPermitted = ATTErrorCode(rawValue: 0x02)
    public static let writeNotPermitted = ATTErrorCode(rawValue: 0x03)
    public static let invalidPDU = ATTErrorCode(rawValue: 0x04)
    public static let insufficientAuthentication = ATTErrorCode(rawValue: 0x05)
    public static let requestNotSupported = ATTErrorCode(rawValue: 0x06)
    public static let invalidOffset = ATTErrorCode(rawValue: 0x07)
    public static let insufficientAuthorization = ATTErrorCode(rawValue: 0x08)
    public static let prepareQueueFull = ATTErrorCode(rawValue: 0x09)
    public static let attributeNotFound = ATTErrorCode(rawValue: 0x0A)
    public static let attributeNotLong = ATTErrorCode(rawValue: 0x0B)
    public static let insufficientEncryptionKeySize = ATTErrorCode(rawValue: 0x0C)
    public static let invalidAttributeValueLength = ATTErrorCode(rawValue: 0x0D)
    public static let unlikelyError = ATTErrorCode(rawValue: 0x0E)
    public static let insufficientEncryption = ATTErrorCode(rawValue: 0x0F)
    public static let unsupportedGroupType = ATTErrorCode(rawValue: 0x10)
    public static let insufficientResources = ATTErrorCode(rawValue: 0x11)
    public static let databaseOutOfSync = ATTErrorCode(rawValue: 0x12)
    public static let valueNotAllowed = ATTErrorCode(rawValue: 0x13)

    /// True for the codes a client can cure by raising the link's security level and retrying.
    public var asksForMoreSecurity: Bool {
        self == .insufficientAuthentication || self == .insufficientEncryption
            || self == .insufficientEncryptionKeySize
    }

    public var description: String {
        let names: [UInt8: String] = [
            0x01: "invalid handle", 0x02: "read not permitted", 0x03: "write not permitted",
            0x04: "invalid PDU", 0x05: "insufficient authentication", 0x06: "request not supported",
            0x07: "invalid offset", 0x08: "insufficient authorization", 0x09: "prepare queue full",
            0x0A: "attribute not found", 0x0B: "attribute not long", 0x0C: "insufficient encryption key size",
            0x0D: "invalid attribute value length", 0x0E: "unlikely error", 0x0F: "insufficient encryption",
            0x10: "unsupported group type", 0x11: "insufficient resources", 0x12: "database out of sync",
            0x13: "value not allowed",
        ]
        let hex = "0x" + (rawValue < 0x10 ? "0" : "") + String(rawValue, radix: 16, uppercase: true)
        return names[rawValue].map { "\($0) (\(hex))" } ?? "error \(hex)"
    }
}
