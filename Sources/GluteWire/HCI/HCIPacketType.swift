/// The first byte of every packet on an HCI socket (the UART transport's packet indicator, which
/// the Linux raw HCI channel keeps).
public enum HCIPacketType: UInt8, Sendable, Equatable {
    /// Host to controller: opcode, parameter length, parameters.
    case command = 0x01
    /// ACL data (never used by the scanner).
    case aclData = 0x02
    /// Controller to host: event code, parameter length, parameters.
    case event = 0x04
}
