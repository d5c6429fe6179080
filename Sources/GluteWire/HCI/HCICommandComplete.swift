/// The Command Complete event (0x0E): the controller finished a command and returns its results.
public struct HCICommandComplete: Sendable, Equatable {
    /// How many more commands the controller accepts now.
    public var allowedCommandPackets: UInt8
    public var opcode: HCIOpcode
    /// The command's return parameters; for every command the scanner sends, a status byte alone.
    public var returnParameters: [UInt8]

    public init(allowedCommandPackets: UInt8 = 1, opcode: HCIOpcode, returnParameters: [UInt8]) {
        self.allowedCommandPackets = allowedCommandPackets
        self.opcode = opcode
        self.returnParameters = returnParameters
    }

    /// The first return parameter, which is the status for nearly every command; nil when there
    /// are no return parameters (opcode 0x0000, a controller announcing it is ready).
    public var status: HCIStatus? { returnParameters.first.map(HCIStatus.init(rawValue:)) }

    /// Parses the event parameters: count, opcode (2), return parameters.
    public init?(parameters: ArraySlice<UInt8>) {
        var reader = ByteReader(parameters)
        guard let count = reader.u8(), let opcode = reader.u16() else { return nil }
        self.init(allowedCommandPackets: count, opcode: HCIOpcode(rawValue: opcode), returnParameters: Array(reader.rest()))
    }

    public var parameters: [UInt8] {
        [allowedCommandPackets, UInt8(opcode.rawValue & 0xFF), UInt8(opcode.rawValue >> 8)] + returnParameters
    }
}
