import Foundation
import Glibc
import GluteWire
import Synchronization
@testable import GluteDevices

/// Two connected `SOCK_SEQPACKET` unix sockets wrapped as bearers: (client side, peer side).
func gattBearerPair() throws -> (UnixSeqpacketBearer, UnixSeqpacketBearer) {
    var pair: [CInt] = [-1, -1]
    let type = CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
    guard socketpair(AF_UNIX, type, 0, &pair) == 0 else { throw SystemError(code: errno, call: "socketpair") }
    return (UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[0])),
            UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[1])))
}

/// One attribute of the test server's table.
struct TestAttribute {
    var handle: UInt16
    var type: BluetoothUUID
    var value: [UInt8]
}

/// A small attribute table shaped like a device: services, declarations, values, CCCDs.
struct TestDatabase {
    var attributes: [TestAttribute] = []
    private var next: UInt16 = 1

    mutating func service(_ uuid: BluetoothUUID, _ characteristics: [(BluetoothUUID, GATTCharacteristicProperties, [UInt8])]) {
        attributes.append(TestAttribute(handle: take(), type: GATTAssignedNumbers.primaryService, value: uuid.littleEndianBytes))
        for (uuid, properties, value) in characteristics {
            let declaration = take()
            let valueHandle = take()
            attributes.append(TestAttribute(handle: declaration, type: GATTAssignedNumbers.characteristic,
                                            value: GATTCharacteristicDeclaration(properties: properties, valueHandle: valueHandle, uuid: uuid).encode()))
            attributes.append(TestAttribute(handle: valueHandle, type: uuid, value: value))
            if properties.pushesValues {
                attributes.append(TestAttribute(handle: take(), type: GATTAssignedNumbers.clientCharacteristicConfiguration, value: [0, 0]))
            }
        }
    }

    private mutating func take() -> UInt16 {
        defer { next += 1 }
        return next
    }

    func handle(of type: BluetoothUUID) -> UInt16? { attributes.first { $0.type == type }?.handle }

    /// The CCCD that follows the value attribute of `type`.
    func cccd(of type: BluetoothUUID) -> UInt16? {
        guard let index = attributes.firstIndex(where: { $0.type == type }) else { return nil }
        return attributes[(index + 1)...].first { $0.type == GATTAssignedNumbers.clientCharacteristicConfiguration }?.handle
    }

    /// Answers one request the way a GATT server would, one entry per discovery page so that
    /// paging is exercised.
    func answer(_ request: ATTPDU, mtu: Int) -> ATTPDU? {
        func error(_ handle: UInt16, _ code: ATTErrorCode) -> ATTPDU {
            .errorResponse(ATTErrorResponse(requestOpcode: request.opcodeByte, handle: handle, error: code))
        }
        switch request {
        case .exchangeMTURequest:
            return .exchangeMTUResponse(ATTExchangeMTUResponse(serverReceiveMTU: UInt16(mtu)))
        case .readByGroupTypeRequest(let r):
            let services = attributes.filter { $0.type == GATTAssignedNumbers.primaryService }
            guard let found = services.first(where: { $0.handle >= r.startHandle && $0.handle <= r.endHandle }) else {
                return error(r.startHandle, .attributeNotFound)
            }
            let nextService = services.first { $0.handle > found.handle }?.handle
            let end = nextService.map { $0 - 1 } ?? attributes.last!.handle
            return .readByGroupTypeResponse(ATTReadByGroupTypeResponse(entries: [.init(handle: found.handle, endGroupHandle: end, value: found.value)])!)
        case .readByTypeRequest(let r):
            guard let found = attributes.first(where: { $0.type == r.attributeType && $0.handle >= r.startHandle && $0.handle <= r.endHandle }) else {
                return error(r.startHandle, .attributeNotFound)
            }
            return .readByTypeResponse(ATTReadByTypeResponse(entries: [.init(handle: found.handle, value: found.value)])!)
        case .findInformationRequest(let r):
            guard let found = attributes.first(where: { $0.handle >= r.startHandle && $0.handle <= r.endHandle }) else {
                return error(r.startHandle, .attributeNotFound)
            }
            let format: ATTFindInformationResponse.Format = found.type.shortValue == nil ? .uuid128 : .uuid16
            return .findInformationResponse(ATTFindInformationResponse(format: format, entries: [.init(handle: found.handle, type: found.type)])!)
        case .readRequest(let r):
            guard let found = attributes.first(where: { $0.handle == r.handle }) else { return error(r.handle, .invalidHandle) }
            return .readResponse(ATTReadResponse(value: Array(found.value.prefix(mtu - 1))))
        case .writeRequest(let r):
            guard attributes.contains(where: { $0.handle == r.handle }) else { return error(r.handle, .invalidHandle) }
            return .writeResponse(ATTWriteResponse())
        default:
            return nil
        }
    }
}

/// The server end of a bearer pair on its own thread: logs every PDU it receives and answers each
/// with whatever `respond` returns (PDUs to send, in order).
final class ScriptedGATTPeer: Sendable {
    let bearer: UnixSeqpacketBearer
    private let log = Mutex<[[UInt8]]>([])
    private let stopWake: WakeUp
    private let done: WakeUp

    init(bearer: UnixSeqpacketBearer, respond: @escaping @Sendable (_ pdu: [UInt8], _ peer: ScriptedGATTPeer) -> [[UInt8]]) throws {
        self.bearer = bearer
        stopWake = try WakeUp()
        done = try WakeUp()
        let thread = Thread { [self] in
            while let pdu = try? bearer.receive(timeout: nil, interrupts: [stopWake.pollDescriptor]) {
                log.withLock { $0.append(pdu) }
                for reply in respond(pdu, self) {
                    if reply.isEmpty { continue }
                    try? bearer.send(reply)
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// A peer that serves `database` at `mtu`.
    /// Writes are stored, so a value written can be read back.
    convenience init(bearer: UnixSeqpacketBearer, database: TestDatabase, mtu: Int = 247) throws {
        let table = Mutex(database)
        try self.init(bearer: bearer) { bytes, _ in
            guard let pdu = ATTPDU(bytes: bytes) else { return [] }
            return table.withLock { db -> [[UInt8]] in
                if case .writeRequest(let w) = pdu, let i = db.attributes.firstIndex(where: { $0.handle == w.handle }) {
                    db.attributes[i].value = w.value
                }
                return db.answer(pdu, mtu: mtu).map { [$0.encode()] } ?? []
            }
        }
    }

    var received: [[UInt8]] { log.withLock { $0 } }

    func send(_ pdu: ATTPDU) throws { try bearer.send(pdu.encode()) }

    func stop() {
        stopWake.signal()
        var entries = [pollfd(fd: done.pollDescriptor, events: Int16(POLLIN), revents: 0)]
        _ = poll(&entries, 1, 5000)
    }
}

/// A bearer that delegates to another and pretends to raise link security, counting the calls.
final class SecurityRaisingBearer: ATTBearer {
    let inner: UnixSeqpacketBearer
    let canRaise: Bool
    private let raises = Mutex(0)

    init(_ inner: UnixSeqpacketBearer, canRaise: Bool) {
        self.inner = inner
        self.canRaise = canRaise
    }

    var raiseCount: Int { raises.withLock { $0 } }

    func send(_ pdu: [UInt8]) throws(ATTBearerError) { try inner.send(pdu) }
    func receive(timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> [UInt8]? {
        try inner.receive(timeout: timeout, interrupts: interrupts)
    }
    var pollDescriptor: Int32 { inner.pollDescriptor }
    func close() { inner.close() }
    func raiseSecurity() -> Bool {
        raises.withLock { $0 += 1 }
        return canRaise
    }
}

/// The native profile's table: a GAP service, the GluteBridge service, the Battery Service.
func nativeTestDatabase(batteryLevel: UInt8 = 87) -> TestDatabase {
    var db = TestDatabase()
    db.service(BluetoothUUID(0x1800), [(BluetoothUUID(0x2A00), [.read], Array("GluteBelt".utf8))])
    db.service(NativeGATT.service, [
        (NativeGATT.data, [.notify], []),
        (NativeGATT.control, [.write, .writeWithoutResponse], []),
        (NativeGATT.info, [.read], [1, 2, 3]),
    ])
    db.service(GATTAssignedNumbers.batteryService, [(GATTAssignedNumbers.batteryLevel, [.read, .notify], [batteryLevel])])
    return db
}
