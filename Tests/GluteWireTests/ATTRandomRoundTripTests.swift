import GluteSim
import Testing
@testable import GluteWire

@Suite("ATT PDU random round trips")
struct ATTRandomRoundTripTests {
    private func bytes(_ count: Int, _ rng: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    private func uuid(_ rng: inout SplitMix64) -> BluetoothUUID {
        Bool.random(using: &rng) ? BluetoothUUID(UInt16.random(in: 0...0xFFFF, using: &rng))
            : BluetoothUUID(high: rng.next(), low: rng.next())
    }

    private func randomPDU(_ rng: inout SplitMix64) -> ATTPDU {
        let handle = UInt16.random(in: 0...0xFFFF, using: &rng)
        let value = bytes(Int.random(in: 0...30, using: &rng), &rng)
        switch Int.random(in: 0..<18, using: &rng) {
        case 0: return .errorResponse(ATTErrorResponse(requestOpcode: UInt8.random(in: 0...255, using: &rng), handle: handle,
                                                       error: ATTErrorCode(rawValue: UInt8.random(in: 0...255, using: &rng))))
        case 1: return .exchangeMTURequest(ATTExchangeMTURequest(clientReceiveMTU: handle))
        case 2: return .exchangeMTUResponse(ATTExchangeMTUResponse(serverReceiveMTU: handle))
        case 3: return .findInformationRequest(ATTFindInformationRequest(startHandle: handle, endHandle: ~handle))
        case 4:
            let wide = Bool.random(using: &rng)
            let entries = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                ATTFindInformationResponse.Entry(handle: UInt16.random(in: 0...0xFFFF, using: &rng),
                                                 type: wide ? uuid(&rng) : BluetoothUUID(UInt16.random(in: 0...0xFFFF, using: &rng)))
            }
            return .findInformationResponse(ATTFindInformationResponse(format: wide ? .uuid128 : .uuid16, entries: entries)!)
        case 5: return .readByTypeRequest(ATTReadByTypeRequest(startHandle: handle, endHandle: ~handle, attributeType: uuid(&rng)))
        case 6:
            let length = Int.random(in: 0...20, using: &rng)
            let entries = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                ATTReadByTypeResponse.Entry(handle: UInt16.random(in: 0...0xFFFF, using: &rng), value: bytes(length, &rng))
            }
            return .readByTypeResponse(ATTReadByTypeResponse(entries: entries)!)
        case 7: return .readRequest(ATTReadRequest(handle: handle))
        case 8: return .readResponse(ATTReadResponse(value: value))
        case 9: return .readByGroupTypeRequest(ATTReadByGroupTypeRequest(startHandle: handle, endHandle: ~handle, attributeType: uuid(&rng)))
        case 10:
            let length = Int.random(in: 0...18, using: &rng)
            let entries = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                ATTReadByGroupTypeResponse.Entry(handle: UInt16.random(in: 0...0xFFFF, using: &rng),
                                                 endGroupHandle: UInt16.random(in: 0...0xFFFF, using: &rng), value: bytes(length, &rng))
            }
            return .readByGroupTypeResponse(ATTReadByGroupTypeResponse(entries: entries)!)
        case 11: return .writeRequest(ATTWriteRequest(handle: handle, value: value))
        case 12: return .writeResponse(ATTWriteResponse())
        case 13: return .writeCommand(ATTWriteCommand(handle: handle, value: value))
        case 14: return .handleValueNotification(ATTHandleValueNotification(handle: handle, value: value))
        case 15: return .handleValueIndication(ATTHandleValueIndication(handle: handle, value: value))
        case 16: return .handleValueConfirmation(ATTHandleValueConfirmation())
        default:
            var opcode = UInt8.random(in: 0...255, using: &rng)
            while ATTOpcode(rawValue: opcode) != nil { opcode &+= 1 }
            return .unknown(opcode: opcode, payload: value)
        }
    }

    @Test func constructedPDUsSurviveEncodeAndDecode() throws {
        var rng = SplitMix64(seed: 20261124)
        var kinds = Set<UInt8>()
        for _ in 0..<5000 {
            let pdu = randomPDU(&rng)
            let wire = pdu.encode()
            let decoded = try #require(ATTPDU(bytes: wire))
            #expect(decoded == pdu)
            #expect(decoded.encode() == wire)
            #expect(ATTPDU(bytes: wire, mtu: wire.count) == decoded)
            #expect(ATTPDU(bytes: wire, mtu: wire.count - 1) == nil)
            kinds.insert(wire[0])
        }
        #expect(kinds.isSuperset(of: ATTOpcode.allCases.map(\.rawValue)), "every opcode generated")
    }

    /// Random bytes, mostly behind a known opcode: nothing traps, and whatever is accepted is
    /// canonical (re-encodes to exactly the input).
    @Test func acceptedRandomInputIsCanonical() {
        var rng = SplitMix64(seed: 7)
        var accepted = 0
        for _ in 0..<20000 {
            var input = bytes(Int.random(in: 0...24, using: &rng), &rng)
            if !input.isEmpty, Int.random(in: 0..<4, using: &rng) > 0 {
                input[0] = ATTOpcode.allCases.randomElement(using: &rng)!.rawValue
                if input.count > 1, Bool.random(using: &rng) { input[1] = UInt8.random(in: 0...7, using: &rng) }
            }
            guard let pdu = ATTPDU(bytes: input) else { continue }
            accepted += 1
            #expect(pdu.encode() == input)
        }
        #expect(accepted > 1000 && accepted < 20000)
    }
}
