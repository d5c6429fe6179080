import GluteWire

/// A PDU a simulated device sends, stamped with the simulated time it leaves the device.
public struct GATTOutgoingPDU: Sendable, Equatable {
    public var time: Double
    public var pdu: [UInt8]

    public init(time: Double, pdu: [UInt8]) {
        self.time = time
        self.pdu = pdu
    }
}

/// A Bluetooth LE sensor in software: a sample source behind one of the three GATT profiles.
///
/// The device's clock is its samples' time. `advance()` takes the next sample and returns the
/// notifications it produces (only those the client enabled); `receive(_:)` answers one PDU
/// from the client at once. The caller (a runner with a socket and a real clock) paces
/// `advance()` by `nextTime()` and keeps calling it while no client is connected, so that the
/// simulated time runs on like a real device's. No I/O and no clock here.
public struct SimulatedGATTDevice<Source: SampleSource>: Sendable {
    public let layout: GATTProfileLayout
    public let settings: SimulatedGATTDeviceSettings
    /// The ATT server with the profile's database; its values are the device's current ones.
    public private(set) var server: GATTServer
    /// The time of the last sample taken.
    public private(set) var now = 0.0
    /// Samples taken since power-on.
    public private(set) var samplesTaken = 0
    private var source: Source
    private var lookahead: Sample?
    private var sourceEnded = false
    private var finished = false
    // Exactly one is set, by profile; optionals rather than an enum so that they mutate in place.
    private var native: NativeNotificationSource?
    private var witmotion: WitMotionNotificationSource?
    private var microbit: MicrobitNotificationSource?

    /// - Parameter deviceInfo: what the native profile announces; its ranges and rates are used
    ///   to encode native frames. The other profiles take the serial and name only.
    public init(profile: BLESensorProfile, source: Source, deviceInfo: DeviceInfo,
                settings: SimulatedGATTDeviceSettings = SimulatedGATTDeviceSettings()) {
        self.settings = settings
        self.source = source
        let micro = MicrobitNotificationSource(period: settings.microbitPeriod)
        layout = GATTProfileLayout(profile: profile, deviceInfo: deviceInfo, batteryPercent: settings.battery.percent(at: 0),
                                   microbitPeriod: micro.period)
        server = GATTServer(database: layout.database, settings: settings.server)
        switch profile {
        case .native:
            native = NativeNotificationSource(deviceInfo: deviceInfo, settings: settings.native)
            native?.battery = settings.battery
        case .witmotion: witmotion = WitMotionNotificationSource(packing: settings.witmotionPacking, seed: settings.packingSeed)
        case .microbit: microbit = micro
        }
    }

    /// The link as the notification sources see it.
    public var link: GATTLinkState {
        GATTLinkState(mtu: server.mtu, subscribed: server.notificationsEnabled(layout.dataHandle))
    }

    /// The time of the next sample, or nil once the source has ended and everything is flushed.
    public mutating func nextTime() -> Double? {
        if lookahead == nil && !sourceEnded {
            lookahead = source.next()
            if lookahead == nil { sourceEnded = true }
        }
        if let lookahead { return lookahead.time }
        return finished ? nil : now
    }

    /// Takes the next sample and returns what it makes the device send; at the end of the
    /// source, flushes held-back data once. Empty output is normal (nobody subscribed, a batch
    /// still filling).
    public mutating func advance() -> [GATTOutgoingPDU] {
        guard nextTime() != nil else { return [] }
        guard let sample = lookahead else {
            finished = true
            return push(finishStream())
        }
        lookahead = nil
        now = sample.time
        samplesTaken += 1
        var out = pushBattery()
        let link = self.link
        if let values = native?.consume(sample, link: link) { out += push(values) }
        if let values = witmotion?.consume(sample, link: link) { out += push(values) }
        if let value = microbit?.consume(sample) { out += push([value]) }
        return out
    }

    /// Answers one PDU from the client: the response first, then any notification the request
    /// caused (a native command's reply, device info on subscribing), all due now.
    public mutating func receive(_ pdu: [UInt8]) -> [[UInt8]] {
        let wasSubscribed = link.subscribed
        let reply = server.handle(pdu)
        var out = reply.pdus
        for write in reply.writes {
            out += react(to: write).map(\.pdu)
        }
        let link = self.link
        if link.subscribed != wasSubscribed, let values = native?.subscriptionChanged(link) {
            out += push(values).map(\.pdu)
        }
        return out
    }

    /// The client went away: the server forgets its MTU and subscriptions; the sensor runs on.
    public mutating func disconnect() {
        server.disconnect()
        let link = self.link
        _ = native?.subscriptionChanged(link)
    }

    private mutating func react(to write: GATTServerReply.Write) -> [GATTOutgoingPDU] {
        if write.handle == layout.periodHandle,
           let chosen = microbit?.setPeriod(UInt16(write.value[0]) | UInt16(write.value[1]) << 8) {
            server.setValue(GATTProfileLayout.littleEndian(chosen), at: write.handle)
        }
        let link = self.link
        if write.handle == layout.commandHandle, let values = native?.control(write.value, link: link) {
            return push(values)
        }
        if write.handle == layout.commandHandle, let values = witmotion?.command(write.value, link: link) {
            return push(values)
        }
        return []
    }

    private mutating func finishStream() -> [GATTTimedValue] {
        let link = self.link
        return (native?.finish(link: link) ?? []) + (witmotion?.finish(link: link, time: now) ?? [])
    }

    private mutating func pushBattery() -> [GATTOutgoingPDU] {
        let level = settings.battery.percent(at: now)
        // Compared by its one byte: building `[level]` on every sample would allocate.
        if let value = server.database.attribute(layout.batteryHandle)?.value, value.count == 1, value[0] == level { return [] }
        return push([GATTTimedValue(time: now, value: [level])], at: layout.batteryHandle)
    }

    private mutating func push(_ values: [GATTTimedValue]) -> [GATTOutgoingPDU] {
        push(values, at: layout.dataHandle)
    }

    private mutating func push(_ values: [GATTTimedValue], at handle: UInt16) -> [GATTOutgoingPDU] {
        var out: [GATTOutgoingPDU] = []
        for value in values {
            if let pdu = server.push(value.value, at: handle) { out.append(GATTOutgoingPDU(time: value.time, pdu: pdu)) }
        }
        return out
    }
}
