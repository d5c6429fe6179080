import GluteSim
import GluteWire
import Testing

/// What a raw discovery walk found: services, their characteristics and descriptors.
struct DiscoveredService: Equatable {
    var uuid: BluetoothUUID
    var start: UInt16
    var end: UInt16
    var characteristics: [DiscoveredCharacteristic] = []
}

struct DiscoveredCharacteristic: Equatable {
    var uuid: BluetoothUUID
    var properties: UInt8
    var declarationHandle: UInt16
    var valueHandle: UInt16
    var descriptors: [(handle: UInt16, type: BluetoothUUID)] = []

    static func == (a: Self, b: Self) -> Bool {
        a.uuid == b.uuid && a.properties == b.properties && a.valueHandle == b.valueHandle
            && a.descriptors.map(\.handle) == b.descriptors.map(\.handle) && a.descriptors.map(\.type) == b.descriptors.map(\.type)
    }

    var configurationHandle: UInt16? {
        descriptors.first { $0.type == GATTAssignedNumbers.clientCharacteristicConfiguration }?.handle
    }
}

/// A central that speaks raw ATT PDUs to a simulated device, with no GATT client library.
final class RawCentral<Source: SampleSource> {
    var device: SimulatedGATTDevice<Source>
    /// Every notification or indication received, with its simulated time.
    var pushed: [GATTOutgoingPDU] = []

    init(_ device: SimulatedGATTDevice<Source>) { self.device = device }

    /// Sends one PDU; returns the response (the first reply), keeping any notification it caused.
    @discardableResult
    func send(_ bytes: [UInt8]) -> [UInt8]? {
        let replies = device.receive(bytes)
        for reply in replies.dropFirst() { pushed.append(GATTOutgoingPDU(time: device.now, pdu: reply)) }
        guard let first = replies.first else { return nil }
        if first[0] == ATTOpcode.handleValueNotification.rawValue || first[0] == ATTOpcode.handleValueIndication.rawValue {
            pushed.insert(GATTOutgoingPDU(time: device.now, pdu: first), at: pushed.count - (replies.count - 1))
            return nil
        }
        return first
    }

    func request(_ pdu: ATTPDU) -> ATTPDU? {
        send(pdu.encode()).flatMap { ATTPDU(bytes: $0) }
    }

    func exchangeMTU(_ mtu: UInt16) -> UInt16? {
        guard case .exchangeMTUResponse(let r)? = request(.exchangeMTURequest(.init(clientReceiveMTU: mtu))) else { return nil }
        return r.serverReceiveMTU
    }

    func read(_ handle: UInt16) -> [UInt8]? {
        guard case .readResponse(let r)? = request(.readRequest(.init(handle: handle))) else { return nil }
        return r.value
    }

    /// Writes a CCCD; true on a write response.
    func configure(_ handle: UInt16, _ bits: UInt16) -> Bool {
        request(.writeRequest(.init(handle: handle, value: [UInt8(bits & 0xFF), UInt8(bits >> 8)]))) == .writeResponse(.init())
    }

    /// Runs the device for `seconds` of simulated time, collecting what it pushes.
    func run(seconds: Double) {
        let end = device.now + seconds
        while let t = device.nextTime(), t <= end {
            pushed += device.advance()
            if device.nextTime() == nil { break }
        }
    }

    /// The values of the notifications received for `handle`, in order.
    func values(of handle: UInt16) -> [[UInt8]] {
        pushed.compactMap {
            guard case .handleValueNotification(let n)? = ATTPDU(bytes: $0.pdu), n.handle == handle else { return nil }
            return n.value
        }
    }

    /// The standard walk: primary services, then each one's characteristics, then descriptors.
    func discover() -> [DiscoveredService] {
        var services: [DiscoveredService] = []
        var start: UInt16 = 1
        while true {
            let reply = request(.readByGroupTypeRequest(.init(startHandle: start, endHandle: 0xFFFF,
                                                               attributeType: GATTAssignedNumbers.primaryService)))
            guard case .readByGroupTypeResponse(let r)? = reply else {
                #expect(reply.map { if case .errorResponse(let e) = $0 { e.error == .attributeNotFound } else { false } } == true)
                break
            }
            for e in r.entries { services.append(DiscoveredService(uuid: e.uuid!, start: e.handle, end: e.endGroupHandle)) }
            guard let last = r.entries.last?.endGroupHandle, last < 0xFFFF else { break }
            start = last + 1
        }
        for index in services.indices {
            var handle = services[index].start
            var characteristics: [DiscoveredCharacteristic] = []
            while handle <= services[index].end {
                let reply = request(.readByTypeRequest(.init(startHandle: handle, endHandle: services[index].end,
                                                             attributeType: GATTAssignedNumbers.characteristic)))
                guard case .readByTypeResponse(let r)? = reply else { break }
                for e in r.entries {
                    let v = e.value
                    characteristics.append(DiscoveredCharacteristic(
                        uuid: BluetoothUUID(littleEndian: v[3...])!, properties: v[0],
                        declarationHandle: e.handle, valueHandle: UInt16(v[1]) | UInt16(v[2]) << 8))
                }
                handle = r.entries.last!.handle + 1
            }
            for c in characteristics.indices {
                let first = characteristics[c].valueHandle + 1
                let last = c + 1 < characteristics.count ? characteristics[c + 1].declarationHandle - 1 : services[index].end
                var h = first
                while h <= last {
                    guard case .findInformationResponse(let r)? = request(.findInformationRequest(.init(startHandle: h, endHandle: last)))
                    else { break }
                    for e in r.entries { characteristics[c].descriptors.append((e.handle, e.type)) }
                    h = r.entries.last!.handle + 1
                }
            }
            services[index].characteristics = characteristics
        }
        return services
    }
}

/// An error response's code, or nil when the PDU is something else.
func errorCode(_ bytes: [UInt8]?) -> ATTErrorCode? {
    guard let bytes, case .errorResponse(let e)? = ATTPDU(bytes: bytes) else { return nil }
    return e.error
}

func gattDevice(_ profile: BLESensorProfile, scenario: Scenario = .tilt, seconds: Double = 5, seed: UInt64 = 7,
                _ change: (inout SimulatedGATTDeviceSettings) -> Void = { _ in }) -> SimulatedGATTDevice<VirtualSensor> {
    var settings = SimulatedGATTDeviceSettings()
    change(&settings)
    return SimulatedGATTDevice(profile: profile, scenario: scenario,
                               simulation: makeSettings(seed: seed, duration: seconds),
                               settings: settings)
}
