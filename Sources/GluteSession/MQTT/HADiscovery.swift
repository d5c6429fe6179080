import GluteWire

/// Home Assistant MQTT discovery: one retained config per entity under
/// `<discovery prefix>/<component>/<device id>/<object>/config`, each reading the state topic.
public enum HADiscovery {
    struct Entity {
        var component: String, object: String, name: String, template: String
        var unit: String? = nil, deviceClass: String? = nil, icon: String? = nil
    }

    static let entities: [Entity] = [
        Entity(component: "binary_sensor", object: "sitting", name: "Sitting",
               template: "{{ 'ON' if value_json.sitting else 'OFF' }}", deviceClass: "occupancy"),
        Entity(component: "binary_sensor", object: "anterior_tilt", name: "Anterior tilt",
               template: "{{ 'ON' if value_json.anterior_tilt else 'OFF' }}", deviceClass: "problem"),
        Entity(component: "sensor", object: "posture", name: "Posture", template: "{{ value_json.posture }}", icon: "mdi:human-handsdown"),
        Entity(component: "sensor", object: "tilt", name: "Pelvic tilt", template: "{{ value_json.tilt_deg }}", unit: "°", icon: "mdi:angle-acute"),
        Entity(component: "sensor", object: "sitting_today", name: "Sitting today",
               template: "{{ (value_json.sitting_today_s / 60) | round(1) }}", unit: "min", deviceClass: "duration"),
        Entity(component: "sensor", object: "current_bout", name: "Current bout",
               template: "{{ (value_json.bout_s / 60) | round(1) }}", unit: "min", deviceClass: "duration"),
        Entity(component: "sensor", object: "squeezes_today", name: "Squeezes today", template: "{{ value_json.squeezes_today }}", icon: "mdi:counter"),
    ]

    /// Only for a sensor that reports its level: published when the first level arrives.
    static let battery = Entity(component: "sensor", object: "battery", name: "Battery", template: "{{ value_json.battery_pct }}",
                                unit: "%", deviceClass: "battery")

    /// (topic, retained payload) for every entity (the battery's apart: `batteryConfig`).
    public static func configs(_ topics: MQTTTopics, version: String) -> [(topic: String, payload: String)] {
        entities.map { config($0, topics, version: version) }
    }

    public static func batteryConfig(_ topics: MQTTTopics, version: String) -> (topic: String, payload: String) {
        config(battery, topics, version: version)
    }

    static func config(_ e: Entity, _ topics: MQTTTopics, version: String) -> (topic: String, payload: String) {
        let id = topics.deviceID
        var fields: [(String, String)] = [
            ("name", e.name), ("unique_id", "glutebridge_\(id)_\(e.object)"), ("object_id", "glutebridge_\(id)_\(e.object)"),
            ("state_topic", topics.state), ("value_template", e.template), ("availability_topic", topics.availability),
            ("payload_available", "online"), ("payload_not_available", "offline"),
        ]
        if let unit = e.unit { fields.append(("unit_of_measurement", unit)) }
        if let dc = e.deviceClass { fields.append(("device_class", dc)) }
        if let icon = e.icon { fields.append(("icon", icon)) }
        if e.component == "sensor", e.object != "posture" { fields.append(("state_class", "measurement")) }
        var json = "{" + fields.map { "\(TextFormatting.jsonString($0.0)):\(TextFormatting.jsonString($0.1))" }.joined(separator: ",")
        json += ",\"device\":{\"identifiers\":[\(TextFormatting.jsonString("glutebridge_\(id)"))],"
            + "\"name\":\(TextFormatting.jsonString("GluteBridge \(id)")),\"manufacturer\":\"GluteBridge\","
            + "\"model\":\"glute sensor\",\"sw_version\":\(TextFormatting.jsonString(version))}}"
        return ("\(topics.discoveryPrefix)/\(e.component)/\(id)/\(e.object)/config", json)
    }

    /// The config topics, battery included, for `mqtt --forget`: an empty retained message removes
    /// each entity (one that was never published costs nothing).
    public static func configTopics(_ topics: MQTTTopics) -> [String] {
        (configs(topics, version: "") + [batteryConfig(topics, version: "")]).map(\.topic)
    }
}
