/// Any ATT PDU, decoded by its opcode.
///
/// Decoding returns nil for a malformed PDU of a known opcode (truncated, inconsistent lengths,
/// trailing bytes after a fixed layout), for the empty input, and for a PDU longer than the MTU
/// when one is given. An opcode this layer does not model decodes to `.unknown(opcode:payload:)`
/// so that the caller can answer a request with "request not supported" and ignore a command.
public enum ATTPDU: Sendable, Equatable {
    case errorResponse(ATTErrorResponse)
    case exchangeMTURequest(ATTExchangeMTURequest)
    case exchangeMTUResponse(ATTExchangeMTUResponse)
    case findInformationRequest(ATTFindInformationRequest)
    case findInformationResponse(ATTFindInformationResponse)
    case readByTypeRequest(ATTReadByTypeRequest)
    case readByTypeResponse(ATTReadByTypeResponse)
    case readRequest(ATTReadRequest)
    case readResponse(ATTReadResponse)
    case readByGroupTypeRequest(ATTReadByGroupTypeRequest)
    case readByGroupTypeResponse(ATTReadByGroupTypeResponse)
    case writeRequest(ATTWriteRequest)
    case writeResponse(ATTWriteResponse)
    case writeCommand(ATTWriteCommand)
    case handleValueNotification(ATTHandleValueNotification)
    case handleValueIndication(ATTHandleValueIndication)
    case handleValueConfirmation(ATTHandleValueConfirmation)
    /// An opcode not modelled here, with the bytes after it.
    case unknown(opcode: UInt8, payload: [UInt8])

    /// The smallest ATT MTU of LE (Vol 3 Part F, 3.2.8); every device must accept PDUs this long.
    public static let defaultLEMTU = 23

    /// Decodes one PDU. `mtu`, when given, is the negotiated ATT MTU: longer PDUs are rejected.
    public init?(bytes: ArraySlice<UInt8>, mtu: Int? = nil) {
        guard let first = bytes.first else { return nil }
        if let mtu, bytes.count > mtu { return nil }
        guard let opcode = ATTOpcode(rawValue: first) else {
            self = .unknown(opcode: first, payload: Array(bytes.dropFirst()))
            return
        }
        let decoded: ATTPDU?
        switch opcode {
        case .errorResponse: decoded = ATTErrorResponse(bytes: bytes).map(Self.errorResponse)
        case .exchangeMTURequest: decoded = ATTExchangeMTURequest(bytes: bytes).map(Self.exchangeMTURequest)
        case .exchangeMTUResponse: decoded = ATTExchangeMTUResponse(bytes: bytes).map(Self.exchangeMTUResponse)
        case .findInformationRequest: decoded = ATTFindInformationRequest(bytes: bytes).map(Self.findInformationRequest)
        case .findInformationResponse: decoded = ATTFindInformationResponse(bytes: bytes).map(Self.findInformationResponse)
        case .readByTypeRequest: decoded = ATTReadByTypeRequest(bytes: bytes).map(Self.readByTypeRequest)
        case .readByTypeResponse: decoded = ATTReadByTypeResponse(bytes: bytes).map(Self.readByTypeResponse)
        case .readRequest: decoded = ATTReadRequest(bytes: bytes).map(Self.readRequest)
        case .readResponse: decoded = ATTReadResponse(bytes: bytes).map(Self.readResponse)
        case .readByGroupTypeRequest: decoded = ATTReadByGroupTypeRequest(bytes: bytes).map(Self.readByGroupTypeRequest)
        case .readByGroupTypeResponse: decoded = ATTReadByGroupTypeResponse(bytes: bytes).map(Self.readByGroupTypeResponse)
        case .writeRequest: decoded = ATTWriteRequest(bytes: bytes).map(Self.writeRequest)
        case .writeResponse: decoded = ATTWriteResponse(bytes: bytes).map(Self.writeResponse)
        case .writeCommand: decoded = ATTWriteCommand(bytes: bytes).map(Self.writeCommand)
        case .handleValueNotification: decoded = ATTHandleValueNotification(bytes: bytes).map(Self.handleValueNotification)
        case .handleValueIndication: decoded = ATTHandleValueIndication(bytes: bytes).map(Self.handleValueIndication)
        case .handleValueConfirmation: decoded = ATTHandleValueConfirmation(bytes: bytes).map(Self.handleValueConfirmation)
        }
        guard let decoded else { return nil }
        self = decoded
    }

    /// Decodes one PDU from an array.
    public init?(bytes: [UInt8], mtu: Int? = nil) { self.init(bytes: bytes[...], mtu: mtu) }

    /// The opcode byte of this PDU.
    public var opcodeByte: UInt8 {
        if case .unknown(let opcode, _) = self { return opcode }
        return encode()[0]
    }

    /// The PDU's bytes, opcode first.
    public func encode() -> [UInt8] {
        switch self {
        case .errorResponse(let pdu): pdu.encode()
        case .exchangeMTURequest(let pdu): pdu.encode()
        case .exchangeMTUResponse(let pdu): pdu.encode()
        case .findInformationRequest(let pdu): pdu.encode()
        case .findInformationResponse(let pdu): pdu.encode()
        case .readByTypeRequest(let pdu): pdu.encode()
        case .readByTypeResponse(let pdu): pdu.encode()
        case .readRequest(let pdu): pdu.encode()
        case .readResponse(let pdu): pdu.encode()
        case .readByGroupTypeRequest(let pdu): pdu.encode()
        case .readByGroupTypeResponse(let pdu): pdu.encode()
        case .writeRequest(let pdu): pdu.encode()
        case .writeResponse(let pdu): pdu.encode()
        case .writeCommand(let pdu): pdu.encode()
        case .handleValueNotification(let pdu): pdu.encode()
        case .handleValueIndication(let pdu): pdu.encode()
        case .handleValueConfirmation(let pdu): pdu.encode()
        case .unknown(let opcode, let payload): [opcode] + payload
        }
    }
}
