import Testing
@testable import GluteWire

/// A hand-built PDU (layouts of Bluetooth Core Vol 3 Part F, 3.4), what it must decode to, and
/// which shorter prefixes are themselves well-formed PDUs (variable-length values and whole list
/// entries) rather than truncations.
struct ATTVector: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let expected: ATTPDU
    let prefixParses: @Sendable (Int) -> Bool
    /// Whether one more trailing byte still makes a valid PDU (only for open-ended values).
    let openEnded: Bool
    var testDescription: String { name }
}

private let never: @Sendable (Int) -> Bool = { _ in false }
private let witNotify = BluetoothUUID("0000ffe4-0000-1000-8000-00805f9a34fb")!
private let witService = BluetoothUUID("0000ffe5-0000-1000-8000-00805f9a34fb")!
// WitMotion's base UUID, least significant byte first, without its 16-bit part (bytes 12-13).
private func witWire(_ short: UInt16) -> [UInt8] {
    [0xFB, 0x34, 0x9A, 0x5F, 0x80, 0x00, 0x00, 0x80, 0x00, 0x10, 0x00, 0x00,
     UInt8(short & 0xFF), UInt8(short >> 8), 0x00, 0x00]
}

let attVectors: [ATTVector] = [
    ATTVector(name: "error response", bytes: [0x01, 0x0A, 0x03, 0x00, 0x05],
              expected: .errorResponse(ATTErrorResponse(requestOpcode: 0x0A, handle: 3, error: .insufficientAuthentication)),
              prefixParses: never, openEnded: false),
    ATTVector(name: "exchange MTU request", bytes: [0x02, 0xF7, 0x00],
              expected: .exchangeMTURequest(ATTExchangeMTURequest(clientReceiveMTU: 247)), prefixParses: never, openEnded: false),
    ATTVector(name: "exchange MTU response", bytes: [0x03, 0x17, 0x00],
              expected: .exchangeMTUResponse(ATTExchangeMTUResponse(serverReceiveMTU: 23)), prefixParses: never, openEnded: false),
    ATTVector(name: "find information request", bytes: [0x04, 0x01, 0x00, 0xFF, 0xFF],
              expected: .findInformationRequest(ATTFindInformationRequest(startHandle: 1, endHandle: 0xFFFF)),
              prefixParses: never, openEnded: false),
    ATTVector(name: "find information response 16-bit", bytes: [0x05, 0x01, 0x03, 0x00, 0x02, 0x29, 0x04, 0x00, 0x01, 0x29],
              expected: .findInformationResponse(ATTFindInformationResponse(format: .uuid16, entries: [
                  .init(handle: 3, type: BluetoothUUID(0x2902)), .init(handle: 4, type: BluetoothUUID(0x2901))])!),
              prefixParses: { $0 == 6 }, openEnded: false),
    ATTVector(name: "find information response 128-bit", bytes: [0x05, 0x02, 0x10, 0x00] + witWire(0xFFE4),
              expected: .findInformationResponse(ATTFindInformationResponse(format: .uuid128, entries: [
                  .init(handle: 0x10, type: witNotify)])!),
              prefixParses: never, openEnded: false),
    ATTVector(name: "read by type request 16-bit", bytes: [0x08, 0x01, 0x00, 0xFF, 0xFF, 0x03, 0x28],
              expected: .readByTypeRequest(ATTReadByTypeRequest(startHandle: 1, endHandle: 0xFFFF, attributeType: BluetoothUUID(0x2803))),
              prefixParses: never, openEnded: false),
    ATTVector(name: "read by type request 128-bit", bytes: [0x08, 0x0C, 0x00, 0x20, 0x00] + witWire(0xFFE4),
              expected: .readByTypeRequest(ATTReadByTypeRequest(startHandle: 12, endHandle: 32, attributeType: witNotify)),
              prefixParses: { $0 == 7 }, openEnded: false),
    ATTVector(name: "read by type response", bytes: [0x09, 0x07, 0x02, 0x00, 0x10, 0x03, 0x00, 0xE4, 0xFF,
                                                     0x05, 0x00, 0x08, 0x06, 0x00, 0xE9, 0xFF],
              expected: .readByTypeResponse(ATTReadByTypeResponse(entries: [
                  .init(handle: 2, value: [0x10, 0x03, 0x00, 0xE4, 0xFF]), .init(handle: 5, value: [0x08, 0x06, 0x00, 0xE9, 0xFF])])!),
              prefixParses: { $0 == 9 }, openEnded: false),
    ATTVector(name: "read request", bytes: [0x0A, 0x03, 0x00],
              expected: .readRequest(ATTReadRequest(handle: 3)), prefixParses: never, openEnded: false),
    ATTVector(name: "read response", bytes: [0x0B, 0x64, 0x00],
              expected: .readResponse(ATTReadResponse(value: [0x64, 0x00])), prefixParses: { $0 >= 1 }, openEnded: true),
    ATTVector(name: "read by group type request", bytes: [0x10, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28],
              expected: .readByGroupTypeRequest(ATTReadByGroupTypeRequest(startHandle: 1, endHandle: 0xFFFF, attributeType: BluetoothUUID(0x2800))),
              prefixParses: never, openEnded: false),
    ATTVector(name: "read by group type response 16-bit", bytes: [0x11, 0x06, 0x01, 0x00, 0x07, 0x00, 0x00, 0x18,
                                                                  0x08, 0x00, 0x0B, 0x00, 0x0F, 0x18],
              expected: .readByGroupTypeResponse(ATTReadByGroupTypeResponse(entries: [
                  .init(handle: 1, endGroupHandle: 7, uuid: BluetoothUUID(0x1800)),
                  .init(handle: 8, endGroupHandle: 11, uuid: BluetoothUUID(0x180F))])!),
              prefixParses: { $0 == 8 }, openEnded: false),
    ATTVector(name: "read by group type response 128-bit", bytes: [0x11, 0x14, 0x0C, 0x00, 0xFF, 0xFF] + witWire(0xFFE5),
              expected: .readByGroupTypeResponse(ATTReadByGroupTypeResponse(entries: [
                  .init(handle: 12, endGroupHandle: 0xFFFF, uuid: witService)])!),
              prefixParses: never, openEnded: false),
    ATTVector(name: "write request", bytes: [0x12, 0x04, 0x00, 0x01, 0x00],
              expected: .writeRequest(ATTWriteRequest(handle: 4, value: [0x01, 0x00])), prefixParses: { $0 >= 3 }, openEnded: true),
    ATTVector(name: "write response", bytes: [0x13],
              expected: .writeResponse(ATTWriteResponse()), prefixParses: never, openEnded: false),
    ATTVector(name: "write command", bytes: [0x52, 0x06, 0x00, 0xFF, 0xAA, 0x27, 0x3A, 0x00],
              expected: .writeCommand(ATTWriteCommand(handle: 6, value: [0xFF, 0xAA, 0x27, 0x3A, 0x00])),
              prefixParses: { $0 >= 3 }, openEnded: true),
    ATTVector(name: "handle value notification", bytes: [0x1B, 0x03, 0x00, 0x55, 0x61, 0x10, 0x00],
              expected: .handleValueNotification(ATTHandleValueNotification(handle: 3, value: [0x55, 0x61, 0x10, 0x00])),
              prefixParses: { $0 >= 3 }, openEnded: true),
    ATTVector(name: "handle value indication", bytes: [0x1D, 0x09, 0x00, 0x01, 0x00, 0xFF, 0xFF],
              expected: .handleValueIndication(ATTHandleValueIndication(handle: 9, value: [0x01, 0x00, 0xFF, 0xFF])),
              prefixParses: { $0 >= 3 }, openEnded: true),
    ATTVector(name: "handle value confirmation", bytes: [0x1E],
              expected: .handleValueConfirmation(ATTHandleValueConfirmation()), prefixParses: never, openEnded: false),
]

@Suite("ATT PDUs")
struct ATTPDUTests {
    @Test(arguments: attVectors)
    func decodesAndReencodes(_ vector: ATTVector) throws {
        let pdu = try #require(ATTPDU(bytes: vector.bytes))
        #expect(pdu == vector.expected)
        #expect(pdu.encode() == vector.bytes)
        #expect(vector.expected.encode() == vector.bytes)
        #expect(pdu.opcodeByte == vector.bytes[0])
        // A slice that does not start at index 0 decodes the same.
        let padded = [0xEE, 0xEE] + vector.bytes + [0xEE]
        #expect(ATTPDU(bytes: padded[2..<(2 + vector.bytes.count)]) == pdu)
    }

    @Test(arguments: attVectors)
    func everyPrefixIsRejectedUnlessItIsItselfWellFormed(_ vector: ATTVector) {
        for length in 0..<vector.bytes.count {
            let prefix = Array(vector.bytes[..<length])
            let decoded = ATTPDU(bytes: prefix)
            if length > 0 && vector.prefixParses(length) {
                #expect(decoded?.encode() == prefix, "\(vector.name) prefix \(length)")
            } else {
                #expect(decoded == nil, "\(vector.name) prefix \(length)")
            }
        }
    }

    @Test(arguments: attVectors)
    func overLongInputIsRejectedUnlessTheValueIsOpenEnded(_ vector: ATTVector) {
        // 1, 3 and 41 extra bytes: never a whole number of list entries (lengths 4, 6, 7, 18, 20 here).
        for extra in [[0x00], [0xAB, 0xCD, 0xEF], [UInt8](repeating: 0x5A, count: 41)] as [[UInt8]] {
            let long = vector.bytes + extra
            let decoded = ATTPDU(bytes: long)
            if vector.openEnded {
                #expect(decoded?.encode() == long)
                #expect(ATTPDU(bytes: long, mtu: vector.bytes.count) == nil, "over the MTU")
            } else {
                #expect(decoded == nil, "\(vector.name) + \(extra.count)")
            }
        }
    }

    @Test func typedDecodersAgreeWithTheEnum() throws {
        let notification = try #require(ATTHandleValueNotification(bytes: [0x1B, 0x03, 0x00, 0x55]))
        #expect(notification.handle == 3)
        #expect(notification.value == [0x55])
        #expect(ATTHandleValueNotification(bytes: [0x1D, 0x03, 0x00, 0x55]) == nil, "wrong opcode")
        let error = try #require(ATTErrorResponse(bytes: [0x01, 0x10, 0x01, 0x00, 0x0A]))
        #expect(error.error == .attributeNotFound)
        #expect(error.requestOpcode == ATTOpcode.readByGroupTypeRequest.rawValue)
        #expect(!error.error.asksForMoreSecurity)
        #expect(ATTErrorCode.insufficientEncryption.asksForMoreSecurity)
        #expect(ATTErrorCode(rawValue: 0x80).description == "error 0x80")
        #expect(ATTErrorCode.unlikelyError.description == "unlikely error (0x0E)")
        let group = try #require(ATTReadByGroupTypeResponse(bytes: attVectors[13].bytes))
        #expect(group.entries.first?.uuid == witService)
        #expect(group.entries.first?.uuid != BluetoothUUID(0xFFE5))
    }

    @Test func malformedListsAreRejected() {
        let rejected: [(String, [UInt8])] = [
            ("read by type, zero entry length", [0x09, 0x00, 0x01, 0x00]),
            ("read by type, entry length 1", [0x09, 0x01, 0x01]),
            ("read by type, no entries", [0x09, 0x04]),
            ("read by type, length disagrees with the list", [0x09, 0x04, 0x01, 0x00, 0xAA, 0xBB, 0x02, 0x00, 0xCC]),
            ("group type, zero entry length", [0x11, 0x00]),
            ("group type, entry length 3", [0x11, 0x03, 0x01, 0x00, 0x02]),
            ("group type, length disagrees with the list", [0x11, 0x06, 0x01, 0x00, 0x07, 0x00, 0x00, 0x18, 0x08]),
            ("find information, format 0", [0x05, 0x00, 0x01, 0x00, 0x00, 0x28]),
            ("find information, format 3", [0x05, 0x03, 0x01, 0x00, 0x00, 0x28]),
            ("find information, 16-bit format with 128-bit entries", [0x05, 0x01] + [0x10, 0x00] + witWire(0xFFE4)),
            ("find information, no entries", [0x05, 0x01]),
            ("read by type request, 3-byte type", [0x08, 0x01, 0x00, 0xFF, 0xFF, 0x03, 0x28, 0x00]),
            ("empty input", []),
        ]
        for (why, bytes) in rejected { #expect(ATTPDU(bytes: bytes) == nil, "\(why)") }
    }

    @Test func constructorsRefuseListsTheWireCannotCarry() {
        #expect(ATTFindInformationResponse(format: .uuid16, entries: [.init(handle: 1, type: witNotify)]) == nil)
        #expect(ATTFindInformationResponse(format: .uuid16, entries: []) == nil)
        #expect(ATTReadByTypeResponse(entries: []) == nil)
        #expect(ATTReadByTypeResponse(entries: [.init(handle: 1, value: [1]), .init(handle: 2, value: [1, 2])]) == nil)
        #expect(ATTReadByGroupTypeResponse(entries: [.init(handle: 1, endGroupHandle: 2, value: [UInt8](repeating: 0, count: 252))]) == nil)
        // A 16-bit type listed under the 128-bit format goes out in full.
        let mixed = ATTFindInformationResponse(format: .uuid128, entries: [.init(handle: 1, type: BluetoothUUID(0x2902))])
        #expect(mixed?.encode().count == 2 + 2 + 16)
        #expect(mixed.flatMap { ATTFindInformationResponse(bytes: $0.encode()) }?.entries.first?.type == BluetoothUUID(0x2902))
    }

    @Test func unknownOpcodesDecodeToUnknown() throws {
        // Prepare write request (0x16) and signed write command (0xD2) are not modelled.
        for bytes: [UInt8] in [[0x16, 0x04, 0x00, 0x00, 0x00, 0xAA], [0xD2], [0x00, 0x01], [0xFF]] {
            let pdu = try #require(ATTPDU(bytes: bytes))
            #expect(pdu == .unknown(opcode: bytes[0], payload: Array(bytes.dropFirst())))
            #expect(pdu.encode() == bytes)
            #expect(pdu.opcodeByte == bytes[0])
        }
        #expect(ATTPDU(bytes: [0x16, 0x04, 0x00], mtu: 2) == nil)
    }

    @Test func mtuBoundsTheWholePDU() {
        let atMTU = [0x1B, 0x03, 0x00] + [UInt8](repeating: 0x11, count: ATTPDU.defaultLEMTU - 3)
        #expect(ATTPDU(bytes: atMTU, mtu: ATTPDU.defaultLEMTU) != nil)
        #expect(ATTPDU(bytes: atMTU + [0x11], mtu: ATTPDU.defaultLEMTU) == nil)
        #expect(ATTPDU(bytes: atMTU + [0x11], mtu: 247) != nil)
        #expect(ATTPDU(bytes: atMTU + [0x11]) != nil, "no MTU given: no bound")
    }
}
