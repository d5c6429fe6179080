import GluteCore
import GluteDevices
import GluteLog
import GluteMQTT
import GluteSession
import Testing

@Suite struct MQTTURLTests {
    @Test func parsesUserHostPort() throws {
        let url = try MQTTURL(parsing: "mqtt://anna@broker.lan:1884")
        #expect(url == MQTTURL.make(host: "broker.lan", port: 1884, username: "anna", tls: false))
        #expect(try MQTTURL(parsing: "mqtts://10.0.0.2").port == 8883)
        #expect(try MQTTURL(parsing: "mqtt://[::1]:99").host == "::1")
        #expect(try MQTTURL(parsing: "mqtt://h").username == nil)
    }

    @Test func refusesPasswordsAndNonsense() {
        for bad in ["http://h", "mqtt://", "mqtt://u:pw@h", "mqtt://h:0", "mqtt://h:70000", "mqtt://h:x", "mqtt://h/t", "mqtt://h:+1883", "mqtt://h:٣"] {
            #expect(throws: MQTTError.self, "\(bad)") { try MQTTURL(parsing: bad) }
        }
    }
}

@Suite struct MQTTTopicTests {
    @Test func topicsAndIDs() {
        let t = MQTTTopics(prefix: "gb", deviceID: "desk1")
        #expect(t.event == "gb/desk1/event" && t.state == "gb/desk1/state" && t.availability == "gb/desk1/availability")
        #expect(MQTTTopics.sanitizedID("my.host/+#") == "my_host___")
        #expect(MQTTTopics.isValidID("desk-1_A") && !MQTTTopics.isValidID("a/b") && !MQTTTopics.isValidID(""))
    }

    @Test func discoveryConfigsNameEveryEntity() {
        let configs = HADiscovery.configs(MQTTTopics(deviceID: "desk1"), version: "glutebridge 1")
        let topics = configs.map(\.topic)
        #expect(topics.contains("homeassistant/binary_sensor/desk1/sitting/config"))
        #expect(topics.contains("homeassistant/binary_sensor/desk1/anterior_tilt/config"))
        #expect(topics.contains("homeassistant/sensor/desk1/sitting_today/config"))
        #expect(configs.count == 7)
        for c in configs {
            #expect(c.payload.contains("\"unique_id\":\"glutebridge_desk1_"))
            #expect(c.payload.contains("\"state_topic\":\"glutebridge/desk1/state\""))
            #expect(c.payload.contains("\"availability_topic\":\"glutebridge/desk1/availability\""))
            #expect(c.payload.contains("\"value_template\":") && c.payload.contains("\"device\":{\"identifiers\""))
        }
    }
}

extension MQTTURL {
    static func make(host: String, port: Int, username: String?, tls: Bool) -> MQTTURL {
        var url = try! MQTTURL(parsing: "mqtt://x")
        url.host = host; url.port = port; url.username = username; url.tls = tls
        return url
    }
}

@Suite struct TodayCounterTests {
    // 2026-12-04 22:00 UTC; the zone is UTC+1, so local midnight is 2026-12-04 23:00 UTC. Stream
    // time t is at wall `evening + t` (a sensor at speed 1) unless a test says otherwise.
    let evening = 1_796_421_600.0
    let plusOne: @Sendable (Double) -> Int = { _ in 3_600 }

    private func posture(_ p: Posture, streamTime: Double, since: Double, wall: Double? = nil) -> TimedEvent {
        TimedEvent(event: Event(time: streamTime, kind: .posture(p, since: since, previous: nil)), wall: wall ?? evening + streamTime)
    }

    private func squeeze(streamTime: Double) -> TimedEvent {
        TimedEvent(event: Event(time: streamTime, kind: .squeeze(start: streamTime, duration: 1, side: .both, strength: 1, source: .cushion)),
                   wall: evening + streamTime)
    }

    @Test func startAgainAtLocalMidnightWithTheOpenBoutCountedFromMidnight() {
        var today = TodayCounters(utcOffset: plusOne)
        // Sitting from 22:10 UTC (23:10 local) to 22:30; sitting again from 22:40 across midnight.
        today.observe(posture(.sitting, streamTime: 600, since: 600))
        today.observe(squeeze(streamTime: 700))
        today.observe(posture(.standing, streamTime: 1_800, since: 1_800))
        today.observe(posture(.sitting, streamTime: 2_400, since: 2_400))
        #expect(today.squeezes == 1)
        #expect(today.sittingSeconds(wall: evening + 3_000, streamTime: 3_000) == 1_200 + 600)
        // 23:30 UTC is 00:30 local: a new day; the bout counts from midnight, 30 min.
        #expect(today.sittingSeconds(wall: evening + 5_400, streamTime: 5_400) == 1_800)
        #expect(today.squeezes == 0)
    }

    @Test func durationsAreStreamTimeSoASpedUpSimulatorCountsItsOwnSeconds() {
        var today = TodayCounters(utcOffset: plusOne)
        // At speed 60: 600 s of stream pass in 10 s of wall time.
        today.observe(posture(.sitting, streamTime: 100, since: 95, wall: evening + 1))
        #expect(today.sittingSeconds(wall: evening + 11, streamTime: 700) == 605)
    }
}

@Suite struct MQTTDeviceIDTests {
    @Test func theSensorsIdentityElseTheHostName() throws {
        let ble = try SourceSpec(parsing: "ble:C0:FF:EE:00:00:01")
        #expect(MQTTDeviceID.defaultID(source: ble, usbSerialNumber: nil, hostName: "desk.lan") == "ble-c0ffee000001")
        let tty = try SourceSpec(parsing: "/dev/ttyACM0")
        #expect(MQTTDeviceID.defaultID(source: tty, usbSerialNumber: "E6614C31 1B2F", hostName: "desk.lan") == "usb-E6614C31_1B2F")
        #expect(MQTTDeviceID.defaultID(source: tty, usbSerialNumber: nil, hostName: "desk.lan") == "desk_lan")
        #expect(MQTTDeviceID.defaultID(source: try SourceSpec(parsing: "sim"), usbSerialNumber: nil, hostName: "desk") == "desk")
        #expect(MQTTDeviceID.defaultID(source: nil, usbSerialNumber: nil, hostName: "") == "glutebridge")
    }
}
