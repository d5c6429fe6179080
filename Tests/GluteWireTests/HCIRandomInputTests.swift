import GluteSim
import Testing
@testable import GluteWire

@Suite("HCI and AD parsers on seeded random input")
struct HCIRandomInputTests {
    private func bytes(_ count: Int, _ rng: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    @Test("random packets never trap; every accepted event re-encodes to its input")
    func randomEvents() {
        var rng = SplitMix64(seed: 0x5CA7_0001)
        var accepted = 0
        for _ in 0..<20_000 {
            var packet = bytes(Int.random(in: 0...80, using: &rng), &rng)
            // Bias towards well-framed single LE Meta reports whose data length fits, so that the
            // report parsers get past their headers; the rest stays random.
            if packet.count >= 30, Bool.random(using: &rng) {
                let extended = Bool.random(using: &rng)
                packet[0] = 0x04
                packet[1] = 0x3E
                packet[2] = UInt8(packet.count - 3)
                packet[3] = extended ? 0x0D : 0x02
                packet[4] = 1
                if extended { packet[28] = UInt8(packet.count - 29) } else { packet[13] = UInt8(packet.count - 15) }
            }
            guard let event = HCIEvent(packet: packet[...]) else { continue }
            accepted += 1
            #expect(event.packet == packet)
            for report in event.advertisingReports { _ = AdvertisingData(bytes: report.data) }
        }
        #expect(accepted > 1000, "only \(accepted) random packets parsed: the bias no longer reaches the parsers")
    }

    @Test("constructed reports round-trip through both event formats")
    func constructedReports() throws {
        var rng = SplitMix64(seed: 0x5CA7_0002)
        for _ in 0..<500 {
            let count = Int.random(in: 0...3, using: &rng)
            let legacy = (0..<count).map { _ in
                LEAdvertisingReport(format: .legacy, eventType: UInt16.random(in: 0...4, using: &rng),
                                    addressType: LEAddressType(rawValue: UInt8.random(in: 0...3, using: &rng)),
                                    address: bytes(6, &rng), rssiRaw: Int8.random(in: -127...127, using: &rng),
                                    data: bytes(Int.random(in: 0...31, using: &rng), &rng))
            }
            #expect(HCIEvent(packet: HCIEvent.leAdvertisingReports(legacy).packet[...]) == .leAdvertisingReports(legacy))
            let extended = legacy.map { report -> LEAdvertisingReport in
                var copy = report
                copy.format = .extended
                copy.eventType = UInt16.random(in: 0...0x7F, using: &rng)
                copy.secondaryPHY = UInt8.random(in: 0...3, using: &rng)
                copy.advertisingSID = UInt8.random(in: 0...15, using: &rng)
                copy.txPowerRaw = Int8.random(in: -127...20, using: &rng)
                copy.directAddress = bytes(6, &rng)
                return copy
            }
            #expect(HCIEvent(packet: HCIEvent.leExtendedAdvertisingReports(extended).packet[...]) == .leExtendedAdvertisingReports(extended))
        }
    }

    @Test("random advertising data never traps; the structures it keeps re-encode to a prefix of the input")
    func randomAdvertisingData() {
        var rng = SplitMix64(seed: 0x5CA7_0003)
        var aggregator = ScanAggregator()
        for index in 0..<20_000 {
            let input = bytes(Int.random(in: 0...64, using: &rng), &rng)
            let data = AdvertisingData(bytes: input)
            let encoded = ADStructure.encode(data.structures)
            #expect(Array(input.prefix(encoded.count)) == encoded)
            #expect(AdvertisingData(bytes: encoded).structures == data.structures)
            let report = LEAdvertisingReport(format: .extended, eventType: UInt16.random(in: 0...0x7F, using: &rng),
                                             addressType: .random, address: [0, 0, 0, 0, 0, UInt8(index % 8)],
                                             rssiRaw: -40, data: input)
            aggregator.add(report, at: Double(index))
        }
        #expect(aggregator.deviceCount <= 8)
        #expect(aggregator.reportCount == 20_000)
    }
}
