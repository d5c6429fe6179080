import ArgumentParser
import GluteMQTT
import GluteSession

/// `glutebridge mqtt --forget ID`: what a device left on the broker, removed.
struct MQTTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mqtt",
        abstract: "Remove a device from the MQTT broker and Home Assistant.",
        discussion: """
        --forget ID publishes an empty retained message on each of the device's
        Home Assistant discovery configs, which removes its entities, and on its
        retained state and availability topics.

        Examples:
          glutebridge mqtt --forget desk1 --mqtt mqtt://anna@broker.lan
        """
    )

    @Option(help: ArgumentHelp("The device id to remove (as given to --device-id).", valueName: "ID"))
    var forget: String

    @OptionGroup(title: "MQTT")
    var mqtt: MQTTOptions

    func validate() throws {
        guard mqtt.mqtt != nil else { throw ValidationError("--forget needs --mqtt URL") }
        guard MQTTTopics.isValidID(forget) else { throw ValidationError("--forget: '\(forget)' must be 1 to 64 letters, digits, - or _") }
        if mqtt.deviceID != nil || mqtt.haDiscovery { throw ValidationError("--device-id and --ha-discovery do not go with mqtt --forget") }
    }

    func run() throws {
        let topics = MQTTTopics(prefix: mqtt.prefix, deviceID: forget)
        guard let client = try mqtt.connect(topics: topics, session: false, report: { Output.error("glutebridge: \($0)") }) else { return }
        let cleared = HADiscovery.configTopics(topics) + [topics.state, topics.availability]
        for topic in cleared { client.retain(topic, "") }
        guard client.close(drainTimeout: 10) else {
            throw CLIError("mqtt: the broker did not acknowledge the removal of \(forget) within 10 s")
        }
        Output.line("glutebridge: removed \(forget): \(cleared.count) retained topics cleared (\(cleared.count - 2) Home Assistant entities)")
    }
}
