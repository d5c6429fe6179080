import GluteSim
import GluteWire
import Testing

@Suite("GATT server: seeded random PDUs are answered without a trap")
struct GATTServerFuzzTests {
    /// Opcodes a central might send, known and unknown, requests and commands.
    static let opcodes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x10, 0x11, 0x12,
                                   0x13, 0x16, 0x18, 0x1B, 0x1D, 0x1E, 0x52, 0xD2, 0x7F, 0x00, 0xFF]

    @Test("random PDUs against each profile: at most one answer per request, none per command, all well-formed",
          arguments: BLESensorProfile.allCases)
    func randomPDUs(profile: BLESensorProfile) {
        let central = RawCentral(gattDevice(profile, seconds: 2))
        var random = SimulationRandom(seed: 0xA77 &+ UInt64(profile.rawValue.count))
        var answered = 0, errors = 0
        for round in 0..<20_000 {
            let opcode = Self.opcodes[Int(random.next() % UInt64(Self.opcodes.count))]
            let length = Int(random.next() % 30)
            var pdu = [opcode]
            for _ in 0..<length {
                // Small handles mostly, so that real attributes get hit.
                pdu.append(random.next() % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(random.next() % 24))
            }
            let mtu = central.device.server.mtu
            let replies = central.device.receive(pdu)
            let responses = replies.filter {
                $0[0] != ATTOpcode.handleValueNotification.rawValue && $0[0] != ATTOpcode.handleValueIndication.rawValue
            }
            #expect(responses.count <= 1)
            if opcode & 0x40 != 0 || [0x01, 0x03, 0x05, 0x09, 0x0B, 0x11, 0x13, 0x1B, 0x1D, 0x1E].contains(opcode) {
                #expect(responses.isEmpty, "opcode \(opcode) answered")
            } else {
                #expect(responses.count == 1, "request \(pdu) unanswered")
            }
            for reply in replies {
                #expect(reply.count <= mtu)
                #expect(ATTPDU(bytes: reply) != nil)
                if case .errorResponse(let e)? = ATTPDU(bytes: reply) {
                    errors += 1
                    #expect(e.requestOpcode == opcode)
                }
            }
            answered += responses.count
            // Time moves on between PDUs, so notifications interleave with answers.
            if round % 50 == 0 { _ = central.device.advance() }
        }
        #expect(answered > 5_000)
        #expect(errors > 1_000)
        #expect(answered > errors)  // some requests succeed too
    }
}
