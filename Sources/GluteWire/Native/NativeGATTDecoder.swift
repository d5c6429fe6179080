/// Decodes the data notifications of the native GATT profile (firmware-protocol.md section 5):
/// each `feed` is one notification value, one frame without COBS, delimiter or CRC. Samples carry
/// device time, as on serial; sequence gaps are reported the same way.
public struct NativeGATTDecoder: StreamDecoder {
    public let protocolName = "native-gatt"
    private var decoder = NativeDecoder()

    public init() {}

    public var statistics: DecoderStatistics { decoder.statistics }
    /// The last device info the device sent.
    public var deviceInfo: DeviceInfo? { decoder.deviceInfo }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        decoder.processNotification(bytes, emit: emit)
    }

    /// Notifications are whole; nothing is ever pending.
    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {}

    public mutating func resetLink() { decoder.resetLink() }
}
