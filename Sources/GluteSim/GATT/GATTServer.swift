import GluteWire

/// The server side of ATT over one connection: PDU bytes in, PDU bytes out, no I/O and no clock.
///
/// Answers Exchange MTU, discovery (Read By Group Type, Read By Type, Find Information, Find By
/// Type Value), Read, Read Blob, Write Request and Write Command, keeps each client's notification and indication settings in
/// the configuration descriptors, and lets only one indication be outstanding until confirmed.
/// Errors follow Bluetooth Core Vol 3 Part F: a malformed request gets "invalid PDU", an unknown
/// request "request not supported", and an unknown command is ignored.
public struct GATTServer: Sendable {
    /// The attribute table, values included; the device behind the server updates it.
    public private(set) var database: GATTDatabase
    public let settings: GATTServerSettings
    /// The effective ATT MTU of this connection (23 until an exchange).
    public private(set) var mtu = ATTPDU.defaultLEMTU
    /// True between sending an indication and receiving its confirmation.
    public private(set) var indicationOutstanding = false
    private var pendingIndications: [ATTHandleValueIndication] = []

    /// "Client Characteristic Configuration Descriptor Improperly Configured" (Core Supplement
    /// Part B, 1.2): a CCCD write asking for what the characteristic cannot do.
    public static let configurationImproper = ATTErrorCode(rawValue: 0xFD)

    public init(database: GATTDatabase, settings: GATTServerSettings = GATTServerSettings()) {
        self.database = database
        self.settings = settings
    }

    var serverMTU: Int { min(max(settings.serverMTU, ATTPDU.defaultLEMTU), 517) }

    /// Forgets the connection: MTU back to 23, every configuration descriptor cleared (the
    /// client is not bonded), pending indications dropped. Values stay.
    public mutating func disconnect() {
        mtu = ATTPDU.defaultLEMTU
        indicationOutstanding = false
        pendingIndications.removeAll()
        for characteristic in database.characteristics {
            if let handle = characteristic.configurationHandle { database.setValue([0, 0], at: handle) }
        }
    }

    /// Sets a value from the device's side without telling the client.
    public mutating func setValue(_ value: [UInt8], at handle: UInt16) {
        database.setValue(value, at: handle)
    }

    /// What the client has asked `valueHandle` to push: bit 0 notifications, bit 1 indications.
    public func configuration(of valueHandle: UInt16) -> UInt16 {
        guard let handle = database.characteristic(valueHandle: valueHandle)?.configurationHandle,
              let value = database.attribute(handle)?.value, value.count == 2 else { return 0 }
        return UInt16(value[0]) | UInt16(value[1]) << 8
    }

    public func notificationsEnabled(_ valueHandle: UInt16) -> Bool { configuration(of: valueHandle) & 1 != 0 }
    public func indicationsEnabled(_ valueHandle: UInt16) -> Bool { configuration(of: valueHandle) & 2 != 0 }

    /// Stores a new value and returns the PDU that pushes it to the client: a notification when
    /// enabled, else an indication when enabled and none is outstanding (otherwise it waits for
    /// the confirmation), else nil. Values are cut to MTU - 3 bytes, as ATT requires.
    public mutating func push(_ value: [UInt8], at valueHandle: UInt16) -> [UInt8]? {
        database.setValue(value, at: valueHandle)
        let fitted = value.count > mtu - 3 ? Array(value.prefix(mtu - 3)) : value
        if notificationsEnabled(valueHandle) {
            return ATTHandleValueNotification(handle: valueHandle, value: fitted).encode()
        }
        guard indicationsEnabled(valueHandle) else { return nil }
        let indication = ATTHandleValueIndication(handle: valueHandle, value: fitted)
        if indicationOutstanding {
            if pendingIndications.count >= max(1, settings.indicationQueueLimit) { pendingIndications.removeFirst() }
            pendingIndications.append(indication)
            return nil
        }
        indicationOutstanding = true
        return indication.encode()
    }

    /// Handles one PDU from the client.
    public mutating func handle(_ bytes: [UInt8]) -> GATTServerReply {
        var reply = GATTServerReply()
        guard let opcode = bytes.first else { return reply }
        if opcode == Self.findByTypeValueRequest {
            // Not modelled by ATTPDU; BlueZ and others discover a service by UUID with it.
            reply.pdus.append(bytes.count <= mtu ? findByTypeValue(bytes) : Self.error(opcode, 0, .invalidPDU))
            return reply
        }
        if opcode == Self.readBlobRequest {
            // Not modelled by ATTPDU either; clients read values longer than MTU - 1 with it.
            reply.pdus.append(readBlob(bytes))
            return reply
        }
        guard let pdu = ATTPDU(bytes: bytes, mtu: mtu) else {
            // Known layout violated, or longer than the MTU: a request is refused; a command, a
            // confirmation or a PDU that only servers send is dropped.
            if Self.isRequest(opcode) { reply.pdus.append(Self.error(opcode, 0, .invalidPDU)) }
            return reply
        }
        switch pdu {
        case .exchangeMTURequest(let request):
            mtu = min(max(Int(request.clientReceiveMTU), ATTPDU.defaultLEMTU), serverMTU)
            reply.pdus.append(ATTExchangeMTUResponse(serverReceiveMTU: UInt16(serverMTU)).encode())
        case .readByGroupTypeRequest(let request):
            reply.pdus.append(readByGroupType(request))
        case .readByTypeRequest(let request):
            reply.pdus.append(readByType(request))
        case .findInformationRequest(let request):
            reply.pdus.append(findInformation(request))
        case .readRequest(let request):
            reply.pdus.append(read(request))
        case .writeRequest(let request):
            if let error = write(request.handle, request.value, &reply) {
                reply.pdus.append(Self.error(opcode, request.handle, error))
            } else {
                reply.pdus.append(ATTWriteResponse().encode())
            }
        case .writeCommand(let command):
            _ = write(command.handle, command.value, &reply)
        case .handleValueConfirmation:
            indicationOutstanding = false
            if !pendingIndications.isEmpty {
                indicationOutstanding = true
                reply.pdus.append(pendingIndications.removeFirst().encode())
            }
        case .unknown(let code, _):
            if !Self.isCommand(code) { reply.pdus.append(Self.error(code, 0, .requestNotSupported)) }
        case .errorResponse, .exchangeMTUResponse, .findInformationResponse, .readByTypeResponse, .readResponse,
             .readByGroupTypeResponse, .writeResponse, .handleValueNotification, .handleValueIndication:
            // Server-to-client PDUs sent the wrong way: nothing a server answers.
            break
        }
        return reply
    }

    /// Bit 6 of an opcode marks a command: never answered, not even with an error.
    static func isCommand(_ opcode: UInt8) -> Bool { opcode & 0x40 != 0 }

    /// Whether the client expects an answer: any opcode but a command and the PDUs that flow the
    /// other way or need none (responses, notification, indication, confirmation).
    static func isRequest(_ opcode: UInt8) -> Bool {
        guard !isCommand(opcode) else { return false }
        switch ATTOpcode(rawValue: opcode) {
        case .errorResponse, .exchangeMTUResponse, .findInformationResponse, .readByTypeResponse, .readResponse,
             .readByGroupTypeResponse, .writeResponse, .handleValueNotification, .handleValueIndication,
             .handleValueConfirmation: return false
        default: return true
        }
    }

    static func error(_ opcode: UInt8, _ handle: UInt16, _ code: ATTErrorCode) -> [UInt8] {
        ATTErrorResponse(requestOpcode: opcode, handle: handle, error: code).encode()
    }

    private func read(_ request: ATTReadRequest) -> [UInt8] {
        let opcode = ATTOpcode.readRequest.rawValue
        guard let attribute = database.attribute(request.handle) else { return Self.error(opcode, request.handle, .invalidHandle) }
        guard attribute.permissions.contains(.read) else { return Self.error(opcode, request.handle, .readNotPermitted) }
        return ATTReadResponse(value: Array(attribute.value.prefix(mtu - 1))).encode()
    }

    static let readBlobRequest: UInt8 = 0x0C
    static let readBlobResponse: UInt8 = 0x0D

    /// Read Blob: `0x0C handle offset`, answered with the value from `offset`, at most MTU - 1 bytes.
    private func readBlob(_ bytes: [UInt8]) -> [UInt8] {
        let opcode = Self.readBlobRequest
        guard bytes.count == 5 else { return Self.error(opcode, 0, .invalidPDU) }
        let handle = UInt16(bytes[1]) | UInt16(bytes[2]) << 8
        let offset = Int(UInt16(bytes[3]) | UInt16(bytes[4]) << 8)
        guard let attribute = database.attribute(handle) else { return Self.error(opcode, handle, .invalidHandle) }
        guard attribute.permissions.contains(.read) else { return Self.error(opcode, handle, .readNotPermitted) }
        guard offset <= attribute.value.count else { return Self.error(opcode, handle, .invalidOffset) }
        return [Self.readBlobResponse] + attribute.value[offset...].prefix(mtu - 1)
    }

    /// Nil on success, with the write recorded in `reply`.
    private mutating func write(_ handle: UInt16, _ value: [UInt8], _ reply: inout GATTServerReply) -> ATTErrorCode? {
        guard let attribute = database.attribute(handle) else { return .invalidHandle }
        guard attribute.permissions.contains(.write) else { return .writeNotPermitted }
        guard attribute.writableLengths.contains(value.count) else { return .invalidAttributeValueLength }
        if let characteristic = database.characteristic(configurationHandle: handle) {
            let bits = UInt16(value[0]) | UInt16(value[1]) << 8
            var allowed: UInt16 = 0
            if characteristic.properties.contains(.notify) { allowed |= 1 }
            if characteristic.properties.contains(.indicate) { allowed |= 2 }
            guard bits & ~allowed == 0 else { return Self.configurationImproper }
            if bits & 2 == 0 {
                pendingIndications.removeAll { $0.handle == characteristic.valueHandle }
            }
        }
        database.setValue(value, at: handle)
        reply.writes.append(GATTServerReply.Write(handle: handle, value: value))
        return nil
    }
}
