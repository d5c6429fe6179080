import Glibc
import GluteWire
import Synchronization

/// A GATT client over one ATT bearer: MTU exchange, discovery, reads, writes, subscriptions, and
/// the pushes that follow (delivered to `onNotification` with host timestamps).
///
/// ATT allows one request in flight per bearer (Core Vol 3 Part F 3.3.2). Every request, and every
/// `pump`, holds the transaction lock until its response arrives, so a second request, from any
/// thread, is sent only after the first one's answer. Notifications and indications that arrive
/// while waiting are delivered at once (indications confirmed); requests the server makes of us
/// are refused politely, since we serve no attributes. A transaction that goes unanswered for
/// `transactionTimeout` seconds makes the bearer unusable, as the specification requires.
public final class GATTClient: Sendable {
    public struct Settings: Sendable {
        /// Seconds to wait for a response (the ATT transaction timeout is 30 s).
        public var transactionTimeout: Double = 30
        /// The ATT MTU we can receive, offered in the MTU exchange.
        public var preferredMTU = NativeGATT.preferredMTU
        public init() {}
    }

    public let bearer: any ATTBearer
    public let settings: Settings
    private let interrupts: [Int32]
    private let onNotification: @Sendable (GATTNotification) -> Void
    /// Held for a whole transaction: the one-request-in-flight rule.
    private let transaction = Mutex<Void>(())
    private let state: Mutex<State>

    private struct State {
        var mtu = ATTPDU.defaultLEMTU
        var unusable = false
        var statistics = GATTClientStatistics()
    }

    /// - Parameters:
    ///   - interrupts: descriptors that abandon a wait when readable (a Ctrl-C `WakeUp`); the
    ///     operation then throws `.bearer(.interrupted)`.
    ///   - onNotification: called on the thread that is receiving, in arrival order; keep it short.
    public init(bearer: any ATTBearer, settings: Settings = Settings(), interrupts: [Int32] = [],
                onNotification: @escaping @Sendable (GATTNotification) -> Void) {
        self.bearer = bearer
        self.settings = settings
        self.interrupts = interrupts
        self.onNotification = onNotification
        state = Mutex(State())
    }

    /// The ATT MTU in use: 23 until an exchange agreed on more.
    public var mtu: Int { state.withLock { $0.mtu } }
    public var statistics: GATTClientStatistics { state.withLock { $0.statistics } }

    // MARK: Operations

    /// Offers `settings.preferredMTU` and adopts the smaller of the two (never below 23).
    @discardableResult
    public func exchangeMTU() throws(GATTError) -> Int {
        let offered = UInt16(clamping: max(settings.preferredMTU, ATTPDU.defaultLEMTU))
        let response = try request(.exchangeMTURequest(ATTExchangeMTURequest(clientReceiveMTU: offered)), name: "MTU exchange")
        guard case .exchangeMTUResponse(let answer) = response else { throw unexpected(response, "MTU exchange") }
        let agreed = max(ATTPDU.defaultLEMTU, min(Int(offered), Int(answer.serverReceiveMTU)))
        state.withLock { $0.mtu = agreed }
        return agreed
    }

    /// Every primary service, in handle order.
    public func discoverPrimaryServices() throws(GATTError) -> [GATTService] {
        var services: [GATTService] = []
        var start: UInt16 = 0x0001
        while true {
            let pdu = ATTPDU.readByGroupTypeRequest(ATTReadByGroupTypeRequest(
                startHandle: start, endHandle: 0xFFFF, attributeType: GATTAssignedNumbers.primaryService))
            guard let response = try requestUntilNotFound(pdu, name: "primary service discovery") else { break }
            guard case .readByGroupTypeResponse(let page) = response else { throw unexpected(response, "primary service discovery") }
            for entry in page.entries {
                guard entry.handle >= start, entry.endGroupHandle >= entry.handle, let uuid = entry.uuid else {
                    throw .protocolViolation("service entry at \(hex4(entry.handle))-\(hex4(entry.endGroupHandle)) out of order or without a UUID")
                }
                services.append(GATTService(uuid: uuid, startHandle: entry.handle, endHandle: entry.endGroupHandle))
            }
            let last = services[services.count - 1].endHandle
            if last == 0xFFFF { break }
            start = last + 1
        }
        return services
    }

    /// The characteristics of `service`, in handle order.
    public func discoverCharacteristics(of service: GATTService) throws(GATTError) -> [GATTCharacteristic] {
        var declarations: [(handle: UInt16, GATTCharacteristicDeclaration)] = []
        var start = service.startHandle
        while start <= service.endHandle {
            let pdu = ATTPDU.readByTypeRequest(ATTReadByTypeRequest(
                startHandle: start, endHandle: service.endHandle, attributeType: GATTAssignedNumbers.characteristic))
            guard let response = try requestUntilNotFound(pdu, name: "characteristic discovery") else { break }
            guard case .readByTypeResponse(let page) = response else { throw unexpected(response, "characteristic discovery") }
            for entry in page.entries {
                guard entry.handle >= start, entry.handle <= service.endHandle,
                      let declaration = GATTCharacteristicDeclaration(value: entry.value),
                      declaration.valueHandle > entry.handle else {
                    throw .protocolViolation("characteristic declaration at \(hex4(entry.handle)) is malformed or out of range")
                }
                declarations.append((entry.handle, declaration))
            }
            let last = declarations[declarations.count - 1].handle
            if last >= service.endHandle { break }
            start = last + 1
        }
        return declarations.indices.map { index in
            let (handle, declaration) = declarations[index]
            let end = index + 1 < declarations.count ? declarations[index + 1].handle - 1 : service.endHandle
            return GATTCharacteristic(uuid: declaration.uuid, declarationHandle: handle, valueHandle: declaration.valueHandle,
                                      endHandle: end, properties: declaration.properties)
        }
    }

    /// The descriptors of `characteristic` (between its value and the next declaration).
    public func discoverDescriptors(of characteristic: GATTCharacteristic) throws(GATTError) -> [GATTDescriptor] {
        guard characteristic.valueHandle < characteristic.endHandle else { return [] }
        var descriptors: [GATTDescriptor] = []
        var start = characteristic.valueHandle + 1
        while start <= characteristic.endHandle {
            let pdu = ATTPDU.findInformationRequest(ATTFindInformationRequest(startHandle: start, endHandle: characteristic.endHandle))
            guard let response = try requestUntilNotFound(pdu, name: "descriptor discovery") else { break }
            guard case .findInformationResponse(let page) = response else { throw unexpected(response, "descriptor discovery") }
            for entry in page.entries {
                guard entry.handle >= start, entry.handle <= characteristic.endHandle else {
                    throw .protocolViolation("descriptor at \(hex4(entry.handle)) outside \(hex4(start))-\(hex4(characteristic.endHandle))")
                }
                descriptors.append(GATTDescriptor(handle: entry.handle, type: entry.type))
            }
            let last = descriptors[descriptors.count - 1].handle
            if last >= characteristic.endHandle { break }
            start = last + 1
        }
        return descriptors
    }

    /// The value at `handle` (at most MTU - 1 bytes, which covers every value this project reads).
    public func read(_ handle: UInt16) throws(GATTError) -> [UInt8] {
        let response = try request(.readRequest(ATTReadRequest(handle: handle)), name: "read")
        guard case .readResponse(let answer) = response else { throw unexpected(response, "read") }
        return answer.value
    }

    /// Writes `value` and waits for the server's acknowledgement.
    public func write(_ handle: UInt16, _ value: [UInt8]) throws(GATTError) {
        try checkFits(value)
        let response = try request(.writeRequest(ATTWriteRequest(handle: handle, value: value)), name: "write")
        guard case .writeResponse = response else { throw unexpected(response, "write") }
    }

    /// Writes `value` without asking for an acknowledgement (write command).
    public func writeWithoutResponse(_ handle: UInt16, _ value: [UInt8]) throws(GATTError) {
        try checkFits(value)
        try transaction.withLock { _ throws(GATTError) in
            try ensureUsable()
            try send(.writeCommand(ATTWriteCommand(handle: handle, value: value)))
        }
    }

    /// Turns on notifications for `characteristic` (indications when it can only indicate) by
    /// writing its Client Characteristic Configuration descriptor; returns what was enabled.
    @discardableResult
    public func subscribe(to characteristic: GATTCharacteristic) throws(GATTError) -> ClientCharacteristicConfiguration {
        let wanted: ClientCharacteristicConfiguration
        if characteristic.properties.contains(.notify) {
            wanted = .notifications
        } else if characteristic.properties.contains(.indicate) {
            wanted = .indications
        } else {
            throw .protocolViolation("characteristic \(characteristic.uuid) can neither notify nor indicate")
        }
        let descriptors = try discoverDescriptors(of: characteristic)
        guard let cccd = descriptors.first(where: { $0.type == GATTAssignedNumbers.clientCharacteristicConfiguration }) else {
            throw .protocolViolation("characteristic \(characteristic.uuid) has no configuration descriptor (0x2902)")
        }
        try write(cccd.handle, wanted.bytes)
        return wanted
    }

    /// Waits up to `timeout` seconds (nil: forever) for one PDU from the server and handles it:
    /// pushes are delivered, stray PDUs counted. False when the time passed without one.
    ///
    /// The wait happens outside the transaction lock, so a request from another thread is never
    /// held up by an idle link; while it runs, it receives (and delivers) the pushes itself.
    @discardableResult
    public func pump(timeout: Double?) throws(GATTError) -> Bool {
        guard try waitForIncoming(timeout: timeout) else { return false }
        return try transaction.withLock { _ throws(GATTError) -> Bool in
            let bytes: [UInt8]?
            do throws(ATTBearerError) { bytes = try bearer.receive(timeout: 0, interrupts: interrupts) } catch { throw .bearer(error) }
            guard let bytes else { return false }
            _ = try handleIncoming(bytes, awaiting: nil)
            return true
        }
    }

    /// True once the bearer has something to read (a PDU, or the peer's close); throws when an
    /// interrupt descriptor became readable first.
    private func waitForIncoming(timeout: Double?) throws(GATTError) -> Bool {
        var entries = ([bearer.pollDescriptor] + interrupts).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let milliseconds: Int32 = timeout.map { Int32(saturating: max(0, min($0 * 1000, 86_400_000)), rounding: .up) } ?? -1
        while true {
            let ready = poll(&entries, nfds_t(entries.count), milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { throw .bearer(.system(SystemError(code: errno, call: "poll"))) }
            guard ready > 0 else { return false }
            if entries.dropFirst().contains(where: { $0.revents != 0 }) { throw .bearer(.interrupted) }
            return true
        }
    }

    // MARK: Transactions

    /// Sends `pdu` and returns its response; an error response becomes `.attribute`. When the
    /// server asks for more security, the link's level is raised and the request sent once more.
    private func request(_ pdu: ATTPDU, name: String) throws(GATTError) -> ATTPDU {
        do {
            return try transact(pdu, name: name)
        } catch .attribute(let request, let handle, let code) where code.asksForMoreSecurity {
            guard bearer.raiseSecurity() else { throw .securityRequired(request: request, handle: handle, code: code) }
            state.withLock { $0.statistics.securityRetries += 1 }
            do {
                return try transact(pdu, name: name)
            } catch .attribute(let request, let handle, let code) where code.asksForMoreSecurity {
                throw .securityRequired(request: request, handle: handle, code: code)
            }
        }
    }

    /// A discovery page, or nil at the end ("attribute not found").
    private func requestUntilNotFound(_ pdu: ATTPDU, name: String) throws(GATTError) -> ATTPDU? {
        do {
            return try request(pdu, name: name)
        } catch .attribute(_, _, let code) where code == .attributeNotFound {
            return nil
        }
    }

    private func transact(_ pdu: ATTPDU, name: String) throws(GATTError) -> ATTPDU {
        try transaction.withLock { _ throws(GATTError) -> ATTPDU in
            try ensureUsable()
            let requestOpcode = pdu.opcodeByte
            try send(pdu)
            state.withLock { $0.statistics.requestsSent += 1 }
            let deadline = HostClock.now().monotonic + settings.transactionTimeout
            while true {
                let remaining = deadline - HostClock.now().monotonic
                guard remaining > 0 else {
                    state.withLock { $0.unusable = true }
                    throw .transactionTimeout(request: name, seconds: settings.transactionTimeout)
                }
                let bytes: [UInt8]?
                do throws(ATTBearerError) { bytes = try bearer.receive(timeout: remaining, interrupts: interrupts) } catch { throw .bearer(error) }
                guard let bytes else { continue }
                if let response = try handleIncoming(bytes, awaiting: requestOpcode) {
                    if case .errorResponse(let error) = response {
                        throw .attribute(request: name, handle: error.handle, code: error.error)
                    }
                    return response
                }
            }
        }
    }

    /// Handles one PDU from the server; returns it when it answers the request `awaiting`.
    private func handleIncoming(_ bytes: [UInt8], awaiting requestOpcode: UInt8?) throws(GATTError) -> ATTPDU? {
        let mtu = self.mtu
        guard let pdu = ATTPDU(bytes: bytes, mtu: mtu) else {
            state.withLock { $0.statistics.malformedPDUs += 1 }
            return nil
        }
        switch pdu {
        case .handleValueNotification(let push):
            state.withLock { $0.statistics.notifications += 1 }
            onNotification(GATTNotification(handle: push.handle, value: push.value, isIndication: false, received: HostClock.now()))
            return nil
        case .handleValueIndication(let push):
            let received = HostClock.now()
            state.withLock { $0.statistics.indications += 1 }
            try send(.handleValueConfirmation(ATTHandleValueConfirmation()))
            onNotification(GATTNotification(handle: push.handle, value: push.value, isIndication: true, received: received))
            return nil
        case .errorResponse(let error) where error.requestOpcode == requestOpcode:
            return pdu
        case .exchangeMTURequest(let offer):
            // The server may start its own exchange; answer with what we can receive.
            try send(.exchangeMTUResponse(ATTExchangeMTUResponse(serverReceiveMTU: UInt16(clamping: settings.preferredMTU))))
            state.withLock { $0.mtu = max(ATTPDU.defaultLEMTU, min(Int(offer.clientReceiveMTU), settings.preferredMTU)) }
            return nil
        case .readByGroupTypeRequest(let r):
            try refuse(pdu, handle: r.startHandle, .attributeNotFound)
        case .readByTypeRequest(let r):
            try refuse(pdu, handle: r.startHandle, .attributeNotFound)
        case .findInformationRequest(let r):
            try refuse(pdu, handle: r.startHandle, .attributeNotFound)
        case .readRequest(let r):
            try refuse(pdu, handle: r.handle, .invalidHandle)
        case .writeRequest(let r):
            try refuse(pdu, handle: r.handle, .invalidHandle)
        case .unknown(let opcode, _) where Self.isRequest(opcode):
            try refuse(pdu, handle: 0, .requestNotSupported)
        case .writeCommand, .unknown:
            // Commands need no answer; unknown commands and responses are ignored.
            break
        default:
            if let requestOpcode, pdu.opcodeByte == requestOpcode &+ 1 { return pdu }
            state.withLock { $0.statistics.unexpectedPDUs += 1 }
        }
        return nil
    }

    /// Request opcodes are the even ones without the command flag, up to 0x20 (Read Multiple
    /// Variable); the odd ones there are responses.
    private static func isRequest(_ opcode: UInt8) -> Bool {
        opcode & 0x40 == 0 && opcode & 0x01 == 0 && opcode <= 0x20 && opcode != ATTOpcode.handleValueConfirmation.rawValue
    }

    private func refuse(_ pdu: ATTPDU, handle: UInt16, _ code: ATTErrorCode) throws(GATTError) {
        state.withLock { $0.statistics.peerRequestsRefused += 1 }
        try send(.errorResponse(ATTErrorResponse(requestOpcode: pdu.opcodeByte, handle: handle, error: code)))
    }

    private func send(_ pdu: ATTPDU) throws(GATTError) {
        do throws(ATTBearerError) { try bearer.send(pdu.encode()) } catch { throw .bearer(error) }
    }

    private func ensureUsable() throws(GATTError) {
        if state.withLock({ $0.unusable }) { throw .bearerUnusable }
    }

    private func checkFits(_ value: [UInt8]) throws(GATTError) {
        let limit = mtu - 3
        guard value.count <= limit else { throw .valueTooLong(length: value.count, limit: limit) }
    }

    private func unexpected(_ pdu: ATTPDU, _ request: String) -> GATTError {
        .protocolViolation("answered \(request) with opcode 0x\(String(pdu.opcodeByte, radix: 16))")
    }
}
