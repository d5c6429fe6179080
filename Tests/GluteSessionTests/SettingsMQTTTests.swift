import GluteSettings
import Testing

@Suite("config: the [mqtt] table")
struct SettingsMQTTTests {
    @Test("[mqtt] keys are read as written; a wrong type or table is an error naming the line")
    func mqttTable() throws {
        let text = "[mqtt]\nmqtt = \"mqtt://anna@broker.lan\"\ndevice-id = \"desk1\"\nha-discovery = true\nmqtt-prefix = \"home/gb\""
        let mqtt = try ResolvedSettings.resolve(options: options(), config: configDocument(text)).mqtt
        #expect(mqtt.url == "mqtt://anna@broker.lan" && mqtt.deviceID == "desk1" && mqtt.haDiscovery == true && mqtt.prefix == "home/gb")
        #expect(try ResolvedSettings.resolve(options: options(), config: nil).mqtt == MQTTSettings())
        #expect(resolveFailure(options(), config: try configDocument("[mqtt]\nha-discovery = \"yes\"", path: "a.toml"))
                == "a.toml:2: mqtt.ha-discovery: expected true or false, got a string")
        #expect(resolveFailure(options(), config: try configDocument("[alerts]\nmqtt = \"mqtt://h\"", path: "a.toml"))
                == "a.toml:2: 'mqtt' belongs in [mqtt] or at the top level, not in [alerts]")
    }
}
