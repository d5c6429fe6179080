/// The message type byte of a native frame. firmware-protocol.md is the reference.
public enum MessageType: UInt8, Sendable, CaseIterable {
    // Device to host.
    case deviceInfo = 0x01
    case imuBatch = 0x10
    case quaternionBatch = 0x11
    case pressureBatch = 0x12
    case status = 0x20
    case marker = 0x21
    case error = 0x22
    case ack = 0x60
    case nak = 0x61
    // Host to device.
    case ping = 0x40
    case getInfo = 0x41
    case startStreaming = 0x42
    case stopStreaming = 0x43
    case setRate = 0x44
    case tare = 0x45
}
