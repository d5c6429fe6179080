import Testing
@testable import GluteDevices

@Suite("Bluetooth address and sockaddr_l2")
struct BLEAddressTests {
    @Test("six hex pairs parse, either case, and print upper case")
    func parsesGoodAddresses() throws {
        let address = try #require(BluetoothAddress("c0:ff:EE:00:0a:01"))
        #expect(address.bytes == [0xC0, 0xFF, 0xEE, 0x00, 0x0A, 0x01])
        #expect(address.description == "C0:FF:EE:00:0A:01")
        #expect(address.kernelOrder == [0x01, 0x0A, 0x00, 0xEE, 0xFF, 0xC0])
        #expect(BluetoothAddress("00:00:00:00:00:00")?.bytes == [0, 0, 0, 0, 0, 0])
    }

    @Test("malformed addresses are refused", arguments: [
        "", "C0:FF:EE:00:00", "C0:FF:EE:00:00:01:02", "C0:FF:EE:00:00:1", "C0:FF:EE:00:00:001",
        "C0-FF-EE-00-00-01", "G0:FF:EE:00:00:01", "C0:FF:EE:00::01", "C0FFEE000001", " C0:FF:EE:00:00:01",
        "+1:FF:EE:00:00:01",
    ])
    func refusesBadAddresses(text: String) {
        #expect(BluetoothAddress(text) == nil)
    }

    @Test("L2CAPBearer.connect reports a malformed address before touching a socket")
    func connectRefusesMalformedAddress() {
        #expect(throws: BLEConnectError.malformedAddress("C0:FF:EE")) {
            _ = try L2CAPBearer.connect(address: "C0:FF:EE", randomAddress: false)
        }
    }

    @Test("sockaddr_l2 is family, zero PSM, reversed address, CID 4 and the LE address type")
    func socketAddressLayout() throws {
        let address = try #require(BluetoothAddress("C0:FF:EE:00:00:01"))
        let bytes = L2CAPSocketAddress.bytes(address: address.kernelOrder, addressType: L2CAPSocketAddress.randomLE,
                                             cid: L2CAPSocketAddress.attChannel)
        #expect(bytes == [31, 0, 0, 0, 0x01, 0x00, 0x00, 0xEE, 0xFF, 0xC0, 4, 0, 2, 0])
        #expect(L2CAPSocketAddress.security(level: .high) == [3, 0])
        #expect(L2CAPSocketAddress.security(level: .medium) == [2, 0])
    }
}
