/// One HCI command packet (Core Vol 4 Part E 5.4.1): opcode, parameter length, parameters.
public struct HCICommand: Sendable, Equatable, CustomStringConvertible {
    public var opcode: HCIOpcode
    /// At most 255 bytes; `packet` writes only the first 255.
    public var parameters: [UInt8]

    public init(opcode: HCIOpcode, parameters: [UInt8]) {
        self.opcode = opcode
        self.parameters = parameters
    }

    /// Parses a packet as written to an HCI socket: type byte 0x01 first. Nil unless the type is a
    /// command and the length byte matches the parameters exactly.
    public init?(packet: ArraySlice<UInt8>) {
        let bytes = Array(packet)
        guard bytes.count >= 4, bytes[0] == HCIPacketType.command.rawValue,
              Int(bytes[3]) == bytes.count - 4 else { return nil }
        opcode = HCIOpcode(rawValue: UInt16(bytes[1]) | UInt16(bytes[2]) << 8)
        parameters = Array(bytes[4...])
    }

    /// The bytes to write to an HCI socket: type 0x01, opcode little-endian, length, parameters.
    public var packet: [UInt8] {
        let body = parameters.prefix(255)
        return [HCIPacketType.command.rawValue, UInt8(opcode.rawValue & 0xFF), UInt8(opcode.rawValue >> 8),
                UInt8(body.count)] + body
    }

    public var description: String { opcode.description }

    /// LE Set Scan Parameters: scan type, interval, window, own address type, filter policy.
    public static func leSetScanParameters(_ settings: LEScanSettings) -> HCICommand {
        HCICommand(opcode: .leSetScanParameters, parameters:
            [settings.active ? 1 : 0] + littleEndian(settings.interval) + littleEndian(settings.window)
            + [settings.ownAddressType, settings.filterPolicy])
    }

    /// LE Set Scan Enable: enable, filter duplicates.
    public static func leSetScanEnable(_ enable: Bool, filterDuplicates: Bool) -> HCICommand {
        HCICommand(opcode: .leSetScanEnable, parameters: [enable ? 1 : 0, filterDuplicates ? 1 : 0])
    }

    /// LE Set Extended Scan Parameters on the LE 1M PHY: own address type, filter policy, PHYs
    /// (bit 0: 1M), then for that PHY scan type, interval, window.
    public static func leSetExtendedScanParameters(_ settings: LEScanSettings) -> HCICommand {
        HCICommand(opcode: .leSetExtendedScanParameters, parameters:
            [settings.ownAddressType, settings.filterPolicy, 0x01, settings.active ? 1 : 0]
            + littleEndian(settings.interval) + littleEndian(settings.window))
    }

    /// LE Set Extended Scan Enable: enable, filter duplicates, duration 0 and period 0 (scan until
    /// disabled; the host keeps the time).
    public static func leSetExtendedScanEnable(_ enable: Bool, filterDuplicates: Bool) -> HCICommand {
        HCICommand(opcode: .leSetExtendedScanEnable, parameters: [enable ? 1 : 0, filterDuplicates ? 1 : 0, 0, 0, 0, 0])
    }

    private static func littleEndian(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
}
