import GluteCore
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
        for bad in ["http://h", "mqtt://", "mqtt://u:pw@h", "mqtt://h:0", "mqtt://h:70000", "mqtt://h:x", "mqtt://h/t"] {
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
