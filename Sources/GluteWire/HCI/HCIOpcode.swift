/// A 16-bit HCI command opcode: OGF in the top 6 bits, OCF in the low 10 (Core Vol 4 Part E 5.4.1).
public struct HCIOpcode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// LE Set Scan Parameters (the legacy scanner).
    public static let leSetScanParameters = HCIOpcode(rawValue: 0x200B)
    /// LE Set Scan Enable (the legacy scanner).
    public static let leSetScanEnable = HCIOpcode(rawValue: 0x200C)
    /// LE Set Extended Scan Parameters (Bluetooth 5).
    public static let leSetExtendedScanParameters = HCIOpcode(rawValue: 0x2041)
    /// LE Set Extended Scan Enable (Bluetooth 5).
    public static let leSetExtendedScanEnable = HCIOpcode(rawValue: 0x2042)

    /// The OpCode Group Field.
    public var groupField: UInt8 { UInt8(rawValue >> 10) }
    /// The OpCode Command Field.
    public var commandField: UInt16 { rawValue & 0x03FF }

    /// The command's name from the specification for the four the scanner sends, else `0xNNNN`.
    public var description: String {
        switch self {
        case .leSetScanParameters: "LE Set Scan Parameters"
        case .leSetScanEnable: "LE Set Scan Enable"
        case .leSetExtendedScanParameters: "LE Set Extended Scan Parameters"
        case .leSetExtendedScanEnable: "LE Set Extended Scan Enable"
        default: "HCI command " + HCIHex.word(rawValue)
        }
    }
}

/// Hex text without Foundation, for names and messages.
enum HCIHex {
    static func byte(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }

    static func word(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
