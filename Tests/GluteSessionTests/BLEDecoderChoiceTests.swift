import GluteWire
import Testing
@testable import GluteSession

@Suite("BLE captures name decoders that replay and decode know")
struct BLEDecoderChoiceTests {
    @Test(arguments: BLESensorProfile.allCases)
    func everyProfileHasADecoderChoice(profile: BLESensorProfile) throws {
        let choice = try #require(DecoderChoice(rawValue: profile.protocolName))
        let decoder = try choice.makeDecoder()
        #expect(decoder.protocolName == profile.protocolName)
        #expect(LiveSession.decoder(for: profile).protocolName == profile.protocolName)
    }
}
