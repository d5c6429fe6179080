import Foundation
import GluteDevices
import GluteWire

// The BLE receive path without a radio: ATT notification PDUs over a SOCK_SEQPACKET socketpair
// into `GATTClient`, each value through the native GATT decoder.

extension Inputs {
    /// The desk-day stream re-framed as native GATT notification PDUs (one frame each, no CRC).
    static func nativeNotificationPDUs(_ stream: [UInt8], handle: UInt16 = 0x0012) -> [[UInt8]] {
        var decoder = NativeFrameReader()
        var pdus: [[UInt8]] = []
        var index = 0
        while let event = decoder.read(stream[...], from: &index) {
            guard case .frame(let frame) = event else { continue }
            pdus.append(ATTHandleValueNotification(handle: handle, value: frame.body(includingCRC: false)).encode())
        }
        return pdus
    }
}

/// Sends `pdus` from a writer thread and receives them through a `GATTClient`, decoding each
/// value; returns the samples decoded.
func runBLENotifications(_ pdus: [[UInt8]]) -> Double {
    var pair: [CInt] = [-1, -1]
    guard socketpair(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else { return -1 }
    let near = UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[0]))
    let far = UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[1]))
    let values = NotificationInbox()
    let client = GATTClient(bearer: near) { values.feed($0.value) }
    let writer = Thread {
        // Answer the MTU exchange (notifications are longer than the default 23), then stream.
        if (try? far.receive(timeout: 5, interrupts: [])) != nil {
            try? far.send(ATTExchangeMTUResponse(serverReceiveMTU: UInt16(NativeGATT.preferredMTU)).encode())
        }
        for pdu in pdus { try? far.send(pdu) }
        far.close()
    }
    writer.start()
    guard (try? client.exchangeMTU()) != nil else { return -1 }
    while (try? client.pump(timeout: 5)) == true {}
    near.close()
    return Double(values.samples)
}

/// The decoder behind the client's callback (called on the receiving thread only).
private final class NotificationInbox: @unchecked Sendable {
    // Safe: `feed` runs on the one thread that pumps the client; `samples` is read after it ends.
    private var decoder = NativeGATTDecoder()
    private(set) var samples = 0
    func feed(_ value: [UInt8]) {
        decoder.feed(value[...], hostTime: 0) { if case .sample = $0 { samples += 1 } }
    }
}
