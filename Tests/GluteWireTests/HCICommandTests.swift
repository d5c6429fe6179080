import Testing
@testable import GluteWire

@Suite("HCI command packets")
struct HCICommandTests {
    @Test("LE Set Scan Parameters, default settings: active, 11.25 ms interval and window")
    func legacyParameters() {
        let command = HCICommand.leSetScanParameters(LEScanSettings())
        #expect(command.packet == parseHex("01 0B 20 07 01 12 00 12 00 00 00"))
        var passive = LEScanSettings()
        passive.active = false
        passive.interval = 0x0100
        passive.window = 0x0050
        passive.ownAddressType = 1
        #expect(HCICommand.leSetScanParameters(passive).packet == parseHex("01 0B 20 07 00 00 01 50 00 01 00"))
    }

    @Test("LE Set Scan Enable with and without duplicate filtering")
    func legacyEnable() {
        #expect(HCICommand.leSetScanEnable(true, filterDuplicates: false).packet == parseHex("01 0C 20 02 01 00"))
        #expect(HCICommand.leSetScanEnable(true, filterDuplicates: true).packet == parseHex("01 0C 20 02 01 01"))
        #expect(HCICommand.leSetScanEnable(false, filterDuplicates: false).packet == parseHex("01 0C 20 02 00 00"))
    }

    @Test("LE Set Extended Scan Parameters on the 1M PHY and Extended Scan Enable without a duration")
    func extendedCommands() {
        #expect(HCICommand.leSetExtendedScanParameters(LEScanSettings()).packet
            == parseHex("01 41 20 08 00 00 01 01 12 00 12 00"))
        #expect(HCICommand.leSetExtendedScanEnable(true, filterDuplicates: true).packet
            == parseHex("01 42 20 06 01 01 00 00 00 00"))
        #expect(HCICommand.leSetExtendedScanEnable(false, filterDuplicates: false).packet
            == parseHex("01 42 20 06 00 00 00 00 00 00"))
    }

    @Test("a command packet parses back; wrong type or length does not")
    func parseBack() throws {
        let packet = parseHex("01 41 20 08 00 00 01 01 12 00 12 00")
        let command = try #require(HCICommand(packet: packet[...]))
        #expect(command.opcode == .leSetExtendedScanParameters)
        #expect(command.opcode.groupField == 0x08)
        #expect(command.opcode.commandField == 0x41)
        #expect(command.parameters.count == 8)
        #expect(command.packet == packet)
        #expect(HCICommand(packet: packet.dropLast()) == nil)
        #expect(HCICommand(packet: (packet + [0])[...]) == nil)
        #expect(HCICommand(packet: ([0x04] + packet.dropFirst())[...]) == nil)
        #expect(HCICommand(packet: [0x01, 0x0C][...]) == nil)
    }

    @Test("opcode and status names for messages")
    func names() {
        #expect(HCIOpcode.leSetScanEnable.description == "LE Set Scan Enable")
        #expect(HCIOpcode(rawValue: 0x0C03).description == "HCI command 0x0C03")
        #expect(HCIStatus.commandDisallowed.description == "Command Disallowed (0x0C)")
        #expect(HCIStatus(rawValue: 0x42).description == "HCI error (0x42)")
        #expect(HCIStatus.commandDisallowed.asksForExtendedCommands)
        #expect(HCIStatus.unknownCommand.asksForExtendedCommands)
        #expect(!HCIStatus.invalidParameters.asksForExtendedCommands)
        #expect(!HCIStatus.success.asksForExtendedCommands)
    }
}
