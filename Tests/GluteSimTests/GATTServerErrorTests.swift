import GluteSim
import GluteWire
import Testing

@Suite("GATT server: every error path answers with the right code")
struct GATTServerErrorTests {
    /// The error response's fields, or nil.
    func error(_ bytes: [UInt8]?) -> ATTErrorResponse? {
        guard let bytes, case .errorResponse(let e)? = ATTPDU(bytes: bytes) else { return nil }
        return e
    }

    @Test("invalid handle: reads and writes of handle 0 and past the end; ranges starting at 0 or reversed")
    func invalidHandle() {
        let central = RawCentral(gattDevice(.native))
        let last = central.device.server.database.lastHandle
        for handle in [UInt16(0), last + 1, 0xFFFF] {
            let read = error(central.send(ATTReadRequest(handle: handle).encode()))
            #expect(read == ATTErrorResponse(requestOpcode: 0x0A, handle: handle, error: .invalidHandle))
            #expect(error(central.send(ATTWriteRequest(handle: handle, value: [1]).encode()))?.error == .invalidHandle)
        }
        let type = GATTAssignedNumbers.primaryService
        for (start, end) in [(UInt16(0), UInt16(0xFFFF)), (UInt16(5), UInt16(4))] {
            #expect(error(central.send(ATTReadByGroupTypeRequest(startHandle: start, endHandle: end, attributeType: type).encode()))
                    == ATTErrorResponse(requestOpcode: 0x10, handle: start, error: .invalidHandle))
            #expect(error(central.send(ATTReadByTypeRequest(startHandle: start, endHandle: end, attributeType: type).encode()))?.error
                    == .invalidHandle)
            #expect(error(central.send(ATTFindInformationRequest(startHandle: start, endHandle: end).encode()))?.error
                    == .invalidHandle)
        }
    }

    @Test("attribute not found: past the last handle, and for a type nobody has")
    func attributeNotFound() {
        let central = RawCentral(gattDevice(.microbit))
        let past = central.device.server.database.lastHandle + 1
        #expect(error(central.send(ATTFindInformationRequest(startHandle: past, endHandle: 0xFFFF).encode()))
                == ATTErrorResponse(requestOpcode: 0x04, handle: past, error: .attributeNotFound))
        #expect(error(central.send(ATTReadByTypeRequest(startHandle: 1, endHandle: 0xFFFF,
                                                        attributeType: GATTAssignedNumbers.serialNumber).encode()))?.error
                == .attributeNotFound)
        #expect(error(central.send(ATTReadByGroupTypeRequest(startHandle: past, endHandle: 0xFFFF,
                                                             attributeType: GATTAssignedNumbers.primaryService).encode()))?.error
                == .attributeNotFound)
        // No secondary services in these profiles.
        #expect(error(central.send(ATTReadByGroupTypeRequest(startHandle: 1, endHandle: 0xFFFF,
                                                             attributeType: GATTAssignedNumbers.secondaryService).encode()))?.error
                == .attributeNotFound)
    }

    @Test("unsupported group type: grouping by anything but a service")
    func unsupportedGroupType() {
        let central = RawCentral(gattDevice(.native))
        #expect(error(central.send(ATTReadByGroupTypeRequest(startHandle: 1, endHandle: 0xFFFF,
                                                             attributeType: GATTAssignedNumbers.characteristic).encode()))?.error
                == .unsupportedGroupType)
    }

    @Test("read not permitted: a notify-only value; write not permitted: declarations and read-only values")
    func permissions() throws {
        let central = RawCentral(gattDevice(.native))
        let layout = central.device.layout
        #expect(error(central.send(ATTReadRequest(handle: layout.dataHandle).encode()))
                == ATTErrorResponse(requestOpcode: 0x0A, handle: layout.dataHandle, error: .readNotPermitted))
        let info = try #require(layout.infoHandle)
        for handle in [UInt16(1), layout.dataHandle - 1, info, layout.dataHandle] {
            #expect(error(central.send(ATTWriteRequest(handle: handle, value: [0]).encode()))
                    == ATTErrorResponse(requestOpcode: 0x12, handle: handle, error: .writeNotPermitted))
        }
        // Nothing changed.
        #expect(central.read(1) == NativeGATT.service.littleEndianBytes)
    }

    @Test("invalid attribute value length: CCCD not 2 bytes, micro:bit period not 2 bytes, native command too short")
    func invalidLength() throws {
        let micro = RawCentral(gattDevice(.microbit))
        let cccd = try #require(micro.device.server.database.characteristic(MicrobitGATT.accelerometerData)?.configurationHandle)
        for value in [[UInt8](), [1], [1, 0, 0]] {
            #expect(error(micro.send(ATTWriteRequest(handle: cccd, value: value).encode()))?.error == .invalidAttributeValueLength)
        }
        let period = try #require(micro.device.layout.periodHandle)
        #expect(error(micro.send(ATTWriteRequest(handle: period, value: [80, 0, 0]).encode()))
                == ATTErrorResponse(requestOpcode: 0x12, handle: period, error: .invalidAttributeValueLength))
        #expect(micro.read(period) == [20, 0])
        let native = RawCentral(gattDevice(.native))
        let control = try #require(native.device.layout.commandHandle)
        #expect(error(native.send(ATTWriteRequest(handle: control, value: [0x10, 0x40]).encode()))?.error == .invalidAttributeValueLength)
    }

    @Test("a CCCD asking for indications on a notify-only characteristic is improperly configured (0xFD)")
    func improperConfiguration() throws {
        let central = RawCentral(gattDevice(.witmotion))
        let cccd = try #require(central.device.server.database.characteristic(WitMotionGATT.notify)?.configurationHandle)
        #expect(error(central.send(ATTWriteRequest(handle: cccd, value: [2, 0]).encode()))?.error == GATTServer.configurationImproper)
        #expect(error(central.send(ATTWriteRequest(handle: cccd, value: [0, 0x80]).encode()))?.error == GATTServer.configurationImproper)
        #expect(central.read(cccd) == [0, 0])
    }

    @Test("request not supported for unknown requests; unknown commands are ignored", arguments: [
        UInt8(0x0E), 0x16, 0x18, 0x20, 0x3F,
    ])
    func unknownRequest(opcode: UInt8) {
        let central = RawCentral(gattDevice(.native))
        #expect(error(central.send([opcode, 1, 0, 0xFF, 0xFF]))
                == ATTErrorResponse(requestOpcode: opcode, handle: 0, error: .requestNotSupported))
        // The same opcode with the command bit set (0xD2 is the signed write command) gets nothing.
        // (0x06 with the bit set is 0x46, unknown too.)
        #expect(central.send([opcode | 0x40, 1, 0]) == nil)
        #expect(central.send([0xD2, 5, 0, 1, 2, 3]) == nil)
    }

    @Test("invalid PDU for malformed requests, none for malformed commands", arguments: [
        [UInt8(0x02)], [0x02, 0x17], [0x02, 0x17, 0, 0], [0x0A, 1], [0x0A, 1, 0, 0], [0x04, 1, 0, 0xFF],
        [0x10, 1, 0, 0xFF, 0xFF, 0x00, 0x28, 0x00], [0x08, 1, 0, 0xFF, 0xFF, 0x03], [0x12, 1],
    ])
    func invalidPDU(bytes: [UInt8]) {
        let central = RawCentral(gattDevice(.native))
        #expect(error(central.send(bytes)) == ATTErrorResponse(requestOpcode: bytes[0], handle: 0, error: .invalidPDU))
    }

    @Test("malformed or refused write commands, malformed confirmations and stray responses get no answer")
    func silentCommands() {
        let central = RawCentral(gattDevice(.native))
        #expect(central.send([0x52, 1]) == nil)
        #expect(central.send([0x1E, 0]) == nil)
        #expect(central.send([0x0B, 1, 2]) == nil)
        #expect(central.send(ATTWriteCommand(handle: 0, value: [1]).encode()) == nil)
        #expect(central.send(ATTWriteCommand(handle: 1, value: [1]).encode()) == nil)
        #expect(central.read(1) == NativeGATT.service.littleEndianBytes)
    }

    @Test("a PDU longer than the MTU is an invalid PDU")
    func longerThanMTU() {
        let central = RawCentral(gattDevice(.native))
        let long = ATTWriteRequest(handle: central.device.layout.commandHandle!, value: [UInt8](repeating: 0, count: 40)).encode()
        #expect(error(central.send(long))?.error == .invalidPDU)
        #expect(central.exchangeMTU(100) == 247)
        #expect(central.send(long) == ATTWriteResponse().encode())
    }

    @Test("MTU: the smaller of the two; a client below 23 gets 23; the server's own limit holds")
    func mtuExchange() {
        let small = RawCentral(gattDevice(.native) { $0.server.serverMTU = 64 })
        #expect(small.exchangeMTU(185) == 64)
        #expect(small.device.server.mtu == 64)
        let tiny = RawCentral(gattDevice(.native))
        #expect(tiny.exchangeMTU(5) == 247)
        #expect(tiny.device.server.mtu == 23)
        let big = RawCentral(gattDevice(.native))
        #expect(big.exchangeMTU(517) == 247)
        #expect(big.device.server.mtu == 247)
    }
}
