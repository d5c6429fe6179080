import Glibc
import GluteWire
import Synchronization

/// A connected Bluetooth LE sensor: the ATT bearer, the GATT client, the subscription, and one
/// thread that receives its notifications until the link is lost or `stop()` is called.
public final class BLESensorLink: Sendable {
    /// What the link thread reports.
    public struct Handlers: Sendable {
        /// One data notification, stamped when it arrived.
        public var onData: @Sendable (ByteChunk) -> Void
        /// A new battery level in percent.
        public var onBattery: @Sendable (UInt8) -> Void
        /// The link ended on its own (peer gone, timeout); not called after `stop()`.
        public var onDisconnect: @Sendable (String) -> Void
        /// The sensor is set up and about to be subscribed: called once per connection, on the
        /// connecting thread, before any `onData`.
        public var onReady: @Sendable (BLESensorSetup) -> Void

        public init(onReady: @escaping @Sendable (BLESensorSetup) -> Void = { _ in },
                    onData: @escaping @Sendable (ByteChunk) -> Void, onBattery: @escaping @Sendable (UInt8) -> Void = { _ in },
                    onDisconnect: @escaping @Sendable (String) -> Void) {
            self.onReady = onReady
            self.onData = onData
            self.onBattery = onBattery
            self.onDisconnect = onDisconnect
        }
    }

    public let setup: BLESensorSetup
    public let client: GATTClient
    private let stopWake: WakeUp
    private let stopping = Mutex(false)
    private let thread = Mutex<pthread_t?>(nil)

    private struct Routes {
        var data: UInt16?
        var battery: UInt16?
    }

    /// Opens the bearer `spec` names, sets the sensor up and starts receiving.
    ///
    /// - Parameters:
    ///   - interrupts: descriptors that abandon the connection attempt when readable.
    ///   - gattSettings: the transaction timeout and MTU to use.
    public static func connect(
        _ spec: SourceSpec.BLESpec, connectTimeout: Double = 10, gattSettings: GATTClient.Settings = GATTClient.Settings(),
        interrupts: [Int32] = [], handlers: Handlers
    ) throws(BLESensorError) -> BLESensorLink {
        let bearer: any ATTBearer
        do { bearer = try ATTBearerOpener.open(spec, timeout: connectTimeout, interrupts: interrupts) } catch { throw .connect(error) }
        let stopWake: WakeUp
        do {
            stopWake = try WakeUp()
        } catch {
            bearer.close()
            throw .gatt(.bearer(.system(error)))
        }
        let routes = Mutex(Routes())
        let client = GATTClient(bearer: bearer, settings: gattSettings, interrupts: interrupts + [stopWake.pollDescriptor]) { push in
            let route = routes.withLock { $0 }
            if push.handle == route.data {
                handlers.onData(ByteChunk(bytes: push.value, monotonic: push.received.monotonic, wall: push.received.wall))
            } else if push.handle == route.battery, let level = push.value.first {
                handlers.onBattery(level)
            }
        }
        let profile = spec.profile == "auto" ? nil : BLESensorProfile(rawValue: spec.profile)
        let setup: BLESensorSetup
        do {
            setup = try BLESensorSetup.perform(on: client, requested: profile, device: "ble:" + spec.address) { ready in
                handlers.onReady(ready)
                routes.withLock { $0 = Routes(data: ready.dataHandle, battery: ready.batteryHandle) }
            }
        } catch {
            bearer.close()
            throw error
        }
        let link = BLESensorLink(setup: setup, client: client, stopWake: stopWake)
        do {
            try link.start(handlers)
        } catch {
            bearer.close()
            throw .gatt(.bearer(.system(error)))
        }
        return link
    }

    private init(setup: BLESensorSetup, client: GATTClient, stopWake: WakeUp) {
        self.setup = setup
        self.client = client
        self.stopWake = stopWake
    }

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    private func start(_ handlers: Handlers) throws(SystemError) {
        let body = Body { [self] in receive(handlers) }
        let pointer = Unmanaged.passRetained(body).toOpaque()
        var created = pthread_t()
        let status = pthread_create(&created, nil, { pointer in
            Unmanaged<Body>.fromOpaque(pointer!).takeRetainedValue().run()
            return nil
        }, pointer)
        if status != 0 {
            Unmanaged<Body>.fromOpaque(pointer).release()
            throw SystemError(code: status, call: "pthread_create")
        }
        thread.withLock { $0 = created }
    }

    private func receive(_ handlers: Handlers) {
            var reason: String?
            while reason == nil {
                do {
                    try client.pump(timeout: nil)
                } catch .bearer(.interrupted) {
                    if stopping.withLock({ $0 }) { break }
                    reason = "interrupted"
                } catch {
                    reason = "\(error)"
                }
            }
            client.bearer.close()
            if let reason, !stopping.withLock({ $0 }) { handlers.onDisconnect(reason) }
    }

    /// Ends the link and waits for its thread; no handler runs after this returns. Repeatable.
    public func stop() {
        stopping.withLock { $0 = true }
        stopWake.signal()
        if let running = thread.withLock({ t -> pthread_t? in defer { t = nil }; return t }),
           pthread_equal(running, pthread_self()) == 0 {
            pthread_join(running, nil)
        }
    }
}
