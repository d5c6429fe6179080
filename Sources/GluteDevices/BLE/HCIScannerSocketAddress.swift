import GluteWire

/// The kernel's `struct sockaddr_hci` and `struct hci_filter` for a raw HCI socket, built as bytes
/// (the layouts of include/net/bluetooth/hci_sock.h).
enum HCIScannerSocketAddress {
    static let addressFamily: UInt16 = 31  // AF_BLUETOOTH
    static let protocolHCI: Int32 = 1  // BTPROTO_HCI
    static let channelRaw: UInt16 = 0  // HCI_CHANNEL_RAW
    static let levelHCI: Int32 = 0  // SOL_HCI
    static let optionFilter: Int32 = 2  // HCI_FILTER

    /// `hci_family` u16, `hci_dev` u16, `hci_channel` u16, native byte order (little-endian here).
    static func bytes(device: UInt16, channel: UInt16 = channelRaw) -> [UInt8] {
        [UInt8(addressFamily & 0xFF), UInt8(addressFamily >> 8), UInt8(device & 0xFF), UInt8(device >> 8),
         UInt8(channel & 0xFF), UInt8(channel >> 8)]
    }

    /// `struct hci_filter { u32 type_mask; u32 event_mask[2]; u16 opcode; }` plus its tail
    /// padding (16 bytes): event packets only, of the given event codes, for any opcode.
    static func filter(events: [UInt8]) -> [UInt8] {
        let typeMask: UInt32 = 1 << UInt32(HCIPacketType.event.rawValue)
        var eventMask: [UInt32] = [0, 0]
        for code in events where code < 64 { eventMask[Int(code / 32)] |= 1 << UInt32(code % 32) }
        var bytes: [UInt8] = []
        for word in [typeMask] + eventMask {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return bytes + [0, 0, 0, 0]  // opcode 0 (any), then padding to the struct's 4-byte alignment
    }
}
