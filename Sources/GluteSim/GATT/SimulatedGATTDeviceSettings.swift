/// Everything a simulated Bluetooth LE sensor can be told, with the defaults of `glutebridge
/// simulate --ble`.
public struct SimulatedGATTDeviceSettings: Sendable, Equatable {
    /// MTU and indication queue. Default server MTU 247.
    public var server = GATTServerSettings()
    /// Native batching. Default 5 IMU samples per frame, status every second.
    public var native = NativeNotificationSettings()
    /// WitMotion packets per notification. Default `.one`.
    public var witmotionPacking = WitMotionPacking.one
    /// Seed of the `.split` cut points. Default 1.
    public var packingSeed: UInt64 = 1
    /// The micro:bit's accelerometer period at power-on, ms. Default 20 (the micro:bit's own).
    public var microbitPeriod: UInt16 = 20
    /// The battery's drain.
    public var battery = BatteryModel()

    public init() {}
}
