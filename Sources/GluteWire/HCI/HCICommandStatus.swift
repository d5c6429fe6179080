/// The Command Status event (0x0F): the controller took a command (or refused it) and will report
/// its outcome later; a refusal of a scan command often arrives this way.
public struct HCICommandStatus: Sendable, Equatable {
    public var status: HCIStatus
    public var allowedCommandPackets: UInt8
    public var opcode: HCIOpcode

    public init(status: HCIStatus, allowedCommandPackets: UInt8 = 1, opcode: HCIOpcode) {
        self.status = status
        self.allowedCommandPackets = allowedCommandPackets
        self.opcode = opcode
    }

    /// Parses exactly four parameter bytes: status, count, opcode (2).
    public init?(parameters: ArraySlice<UInt8>) {
        var reader = ByteReader(parameters)
        guard let status = reader.u8(), let count = reader.u8(), let opcode = reader.u16(), reader.isAtEnd else { return nil }
        self.init(status: HCIStatus(rawValue: status), allowedCommandPackets: count, opcode: HCIOpcode(rawValue: opcode))
    }

    public var parameters: [UInt8] {
        [status.rawValue, allowedCommandPackets, UInt8(opcode.rawValue & 0xFF), UInt8(opcode.rawValue >> 8)]
    }
}
