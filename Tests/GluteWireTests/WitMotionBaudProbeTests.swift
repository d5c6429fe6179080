import GluteSim
import Testing
@testable import GluteWire

@Suite struct WitMotionBaudProbeTests {
    @Test func recognisesPacketsAndRejectsNoise() {
        var random = SplitMix64(seed: 12)
        let stream = (0..<20).flatMap { _ in WitMotionEncoder().packets(for: WitMotionDecoderTests.randomSample(&random)) }
        // A burst starting mid-packet, as a real read does.
        let burst = stream[7..<300]
        let verdict = WitMotionBaudProbe.inspect(burst)
        #expect(verdict.isWitMotion)
        #expect(verdict.validPackets == (300 - 7 - 4) / 11)  // the first 4 bytes are a packet's tail
        #expect(verdict.totalBytes == 293)

        var falsePositives = 0
        var packetsInNoise = 0
        for _ in 0..<200 {
            let noise = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
            let noiseVerdict = WitMotionBaudProbe.inspect(noise[...])
            if noiseVerdict.isWitMotion { falsePositives += 1 }
            packetsInNoise += noiseVerdict.validPackets
        }
        #expect(falsePositives == 0)
        print("baud probe: \(verdict.validPackets) packets in a 293-byte burst; \(packetsInNoise) packets in 200 x 300 noise bytes")
        #expect(!WitMotionBaudProbe.inspect([][...]).isWitMotion)
        #expect(WitMotionBaudProbe.candidateBaudRates.prefix(2) == [9600, 115200])
    }
}
