import GluteCore
import GluteDevices
import GluteLog
import GluteWire
import Synchronization

// How a live session reaches its source: opening, connecting, reconnecting, and what the reader
// thread does with each chunk and link change.
extension LiveSession {
    /// A connected source: a serial port with its reader thread, or a BLE sensor with its link.
    enum Link {
        case serial(SerialPort, SourceReader)
        case ble(BLESensorLink)

        func close() {
            switch self {
            case .serial(let port, let reader):
                reader.stop()
                try? port.close()
            case .ble(let link):
                link.stop()
            }
        }
    }

    /// How to (re)open the source.
    enum Target {
        case serial(path: String, baud: Int, name: String)
        case ble(SourceSpec.BLESpec)

        var label: String {
            switch self {
            case .serial(let path, _, _): path
            case .ble(let spec): "ble:" + spec.address
            }
        }
    }

    func open(_ target: Target, interrupts: [Int32]) throws -> Link {
        switch target {
        case .serial(let path, let baud, let name):
            let (port, reader) = try connect(path: path, baud: baud, name: name)
            return .serial(port, reader)
        case .ble(let spec):
            return .ble(try connectBLE(spec, interrupts: interrupts))
        }
    }

    func connect(path: String, baud: Int, name: String) throws -> (SerialPort, SourceReader) {
        let port = try SerialPort(path: path, settings: SerialSettings(baudRate: baud))
        announceConnected(name)
        let reader = try SourceReader(reading: port, onChunk: { [self] chunk in
            received(chunk)
        }, onDisconnect: { [self] reason in
            lost(reason.description)
        })
        return (port, reader)
    }

    /// Connects to a BLE sensor: bearer, GATT setup, subscription. The first connection of a
    /// `profile=auto` source settles the decoder and opens the capture, now that the protocol is
    /// known; later ones must find the same profile.
    func connectBLE(_ spec: SourceSpec.BLESpec, interrupts: [Int32]) throws -> BLESensorLink {
        let captureProblem = Mutex<InputError?>(nil)
        let handlers = BLESensorLink.Handlers(onReady: { [self] setup in
            do throws(InputError) {
                try adopt(setup, spec: spec)
                announceConnected(LiveSession.describe(spec, setup.profile, battery: setup.batteryLevel))
            } catch {
                captureProblem.withLock { $0 = error }
            }
        }, onData: { [self] chunk in
            received(chunk)
        }, onBattery: { [self] level in
            core.withLock { c in
                c.batteryLevel = level
                if case .connected = c.link, let profile = c.profile {
                    c.link = .connected(device: LiveSession.describe(spec, profile, battery: level))
                }
            }
        }, onDisconnect: { [self] reason in
            lost(reason)
        })
        let link: BLESensorLink
        do {
            link = try BLESensorLink.connect(spec, connectTimeout: 10, interrupts: interrupts, handlers: handlers)
        } catch {
            throw InputError("\(error)")
        }
        if let problem = captureProblem.withLock({ $0 }) {
            link.stop()
            throw problem
        }
        return link
    }

    /// Takes on the profile a connection found: the decoder for it and, on the first connection
    /// of an auto source, the capture. A device that changed profile between connections is refused.
    func adopt(_ setup: BLESensorSetup, spec: SourceSpec.BLESpec) throws(InputError) {
        try core.withLock { c throws(InputError) in
            if let known = c.profile {
                guard known == setup.profile else {
                    throw InputError("ble:\(spec.address) came back as a \(setup.profile.rawValue) device, not \(known.rawValue)")
                }
                return
            }
            c.profile = setup.profile
            c.batteryLevel = setup.batteryLevel
            guard spec.profile == "auto" else { return }
            c.engine.replaceDecoder(LiveSession.decoder(for: setup.profile))
            if let path = options.capturePath, c.capture == nil {
                c.capture = try LiveSession.openCapture(path: path, options: options, protocolName: setup.profile.protocolName)
            }
        }
    }

    static func describe(_ spec: SourceSpec.BLESpec, _ profile: BLESensorProfile, battery: UInt8?) -> String {
        "ble:\(spec.address) (\(profile.rawValue)" + (battery.map { ", battery \($0) %" } ?? "") + ")"
    }

    func announceConnected(_ name: String) {
        let now = HostClock.now()
        core.withLock { c in
            c.link = .connected(device: name)
            c.message = nil
            record(&c, CaptureRecord(kind: .connected, monotonic: now.monotonic, wall: now.wall, payload: Array(name.utf8)))
            c.engine.linkConnected(device: name, wall: now.wall) { queue.push($0) }
        }
    }

    func received(_ chunk: ByteChunk) {
        core.withLock { c in
            record(&c, CaptureRecord(kind: .data, monotonic: chunk.monotonic, wall: chunk.wall, payload: chunk.bytes))
            c.engine.feed(chunk.bytes[...], monotonic: chunk.monotonic, wall: chunk.wall, onSample: options.onSample) { queue.push($0) }
            c.bytesReceived += chunk.bytes.count
            if let expected = c.expectedBytes, c.bytesReceived >= expected { endWake.signal() }
        }
    }

    func lost(_ reason: String) {
        let now = HostClock.now()
        core.withLock { c in
            c.link = .disconnected(reason: reason)
            record(&c, CaptureRecord(kind: .disconnected, monotonic: now.monotonic, wall: now.wall, payload: Array(reason.utf8)))
            c.engine.linkDisconnected(reason: reason, wall: now.wall) { queue.push($0) }
        }
        linkDown.signal()
    }

    /// Reopens the source until it works or an interrupt: a serial device at once when udev
    /// reports a tty added; otherwise, and for BLE, with backoff (0.25 s doubling to 5 s).
    func reconnect(_ target: Target, interrupts: [Int32], hotplug: HotplugMonitor?) -> Link? {
        var delay = 0.25
        var lastError: String?
        while true {
            let why = lastError.map { " (\($0))" } ?? ""
            core.withLock { $0.message = "reconnecting to \(target.label) in \(DurationText.format(delay))\(why)" }
            let ready = waitReadable(interrupts + (hotplug.map { [$0.pollDescriptor] } ?? []), timeout: delay)
            if let ready, ready != hotplug?.pollDescriptor { return nil }
            let added = hotplug.map { $0.receive().contains { $0.action == .add } } ?? false
            do {
                return try open(target, interrupts: interrupts)
            } catch {
                lastError = "\(error)"
            }
            if !added { delay = min(delay * 2, 5) }
        }
    }

    func record(_ c: inout Core, _ record: CaptureRecord) {
        guard let capture = c.capture, c.captureError == nil else { return }
        do {
            try capture.append(record)
        } catch {
            // Keep monitoring; say so once. What was recorded so far stays readable.
            c.captureError = "recording stopped: \(error)"
        }
    }
}
