/// Service data from an advertisement: a service UUID (16, 32 or 128 bits on the air) and the
/// bytes that service defines.
public struct ServiceData: Sendable, Equatable, Hashable {
    public var uuid: BluetoothUUID
    public var data: [UInt8]

    public init(uuid: BluetoothUUID, data: [UInt8]) {
        self.uuid = uuid
        self.data = data
    }
}
