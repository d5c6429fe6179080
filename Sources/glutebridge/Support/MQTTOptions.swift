import ArgumentParser
import Foundation
import GluteDevices
import GluteLog
import GluteMQTT
import GluteSession
import GluteSettings

/// `--mqtt URL` and its companions, shared by `monitor`, `record` and `replay`.
struct MQTTOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Publish events, state and availability to this broker: mqtt://[USER@]HOST[:PORT] or mqtts://...", valueName: "URL"))
    var mqtt: String?

    @Option(help: ArgumentHelp("Read the broker password from FILE (first line); or set GLUTEBRIDGE_MQTT_PASSWORD.", valueName: "FILE"))
    var mqttPasswordFile: String?

    @Option(help: ArgumentHelp("CA certificate(s) to verify an mqtts:// broker with (PEM).", valueName: "FILE"))
    var mqttCafile: String?

    @Option(help: ArgumentHelp("Client certificate for mqtts:// (PEM; with --mqtt-key).", valueName: "FILE"))
    var mqttCert: String?

    @Option(help: ArgumentHelp("Private key of --mqtt-cert (PEM).", valueName: "FILE"))
    var mqttKey: String?

    @Option(help: ArgumentHelp("Topic prefix: topics are PREFIX/ID/event, state, availability (default: glutebridge).", valueName: "PREFIX"))
    var mqttPrefix: String?

    var prefix: String { mqttPrefix ?? "glutebridge" }

    @Option(help: ArgumentHelp("This wearer's id in topics (default: ble-ADDRESS for a BLE sensor, usb-SERIAL for a USB serial one with a serial number, else the host name).", valueName: "ID"))
    var deviceID: String?

    @Flag(help: "Publish Home Assistant discovery configs (retained, under homeassistant/).")
    var haDiscovery = false

    func validate() throws {
        guard let mqtt else {
            if mqttPasswordFile != nil || mqttCafile != nil || mqttCert != nil || mqttKey != nil || haDiscovery {
                throw ValidationError("the --mqtt-* options and --ha-discovery need --mqtt URL")
            }
            return
        }
        let url: MQTTURL
        do { url = try MQTTURL(parsing: mqtt) } catch { throw ValidationError("--mqtt: \(error)") }
        if url.tls, mqttCafile == nil { throw ValidationError("--mqtt mqtts://... needs --mqtt-cafile") }
        if !url.tls, mqttCafile != nil || mqttCert != nil { throw ValidationError("--mqtt-cafile and --mqtt-cert need an mqtts:// URL") }
        if (mqttCert == nil) != (mqttKey == nil) { throw ValidationError("--mqtt-cert and --mqtt-key go together") }
        // libmosquitto only says "invalid arguments" for a file it cannot read: name it here.
        for (option, path) in [("--mqtt-cafile", mqttCafile), ("--mqtt-cert", mqttCert), ("--mqtt-key", mqttKey)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) { throw ValidationError("\(option): cannot read '\(path)'") }
        }
        guard MQTTTopics.isValidID(prefix.replacingOccurrences(of: "/", with: "_")), !prefix.hasPrefix("/"), !prefix.hasSuffix("/") else {
            throw ValidationError("--mqtt-prefix: '\(prefix)' may hold only letters, digits, -, _ and inner /")
        }
        if let deviceID, !MQTTTopics.isValidID(deviceID) {
            throw ValidationError("--device-id: '\(deviceID)' must be 1 to 64 letters, digits, - or _")
        }
    }

    /// These options over a config file's `[mqtt]` table: each option given on the command line
    /// wins over the file's key. The result is checked like the options themselves.
    func over(_ file: MQTTSettings, configPath: String?) throws -> MQTTOptions {
        guard file != MQTTSettings() else { return self }
        var merged = self
        merged.mqtt = mqtt ?? file.url
        merged.mqttPrefix = mqttPrefix ?? file.prefix
        merged.deviceID = deviceID ?? file.deviceID
        merged.haDiscovery = haDiscovery || (file.haDiscovery ?? false)
        merged.mqttPasswordFile = mqttPasswordFile ?? file.passwordFile
        merged.mqttCafile = mqttCafile ?? file.caFile
        merged.mqttCert = mqttCert ?? file.certFile
        merged.mqttKey = mqttKey ?? file.keyFile
        do { try merged.validate() } catch { throw CLIError("\(configPath ?? "config file") [mqtt]: \(error)") }
        return merged
    }

    /// `source`: the live source, whose identity gives the default id (`MQTTDeviceID`).
    func topics(source: SourceSpec? = nil) -> MQTTTopics {
        MQTTTopics(prefix: prefix, deviceID: deviceID ?? MQTTDeviceID.defaultID(source: source, usbSerialNumber: source.flatMap(usbSerialNumber),
                                                                                hostName: ProcessInfo.processInfo.hostName))
    }

    /// The USB serial number behind a serial source's path (a /dev/serial/by-id or
    /// /dev/glutebridge-* link resolves to its tty), from udev; nil when there is none.
    private func usbSerialNumber(_ source: SourceSpec) -> String? {
        guard case .serial(let serial) = source else { return nil }
        let node = URL(fileURLWithPath: serial.path).resolvingSymlinksInPath().path
        return (try? SerialDeviceDiscovery.candidates())?.first { $0.devnode == node }?.serialNumber
    }

    /// Where this device's events wait while the broker is away: one file per device id, under
    /// `$XDG_STATE_HOME/glutebridge/mqtt-spool` (else `~/.local/state/glutebridge/mqtt-spool`).
    static func spoolPath(deviceID: String) -> String {
        DailyLogFiles.defaultDirectory() + "/mqtt-spool/" + deviceID
    }

    /// Connects (nil without --mqtt). The first connection must succeed: a refused or unreachable
    /// broker is a CLIError, one line and status 1; later outages are spooled and retried.
    /// `session`: a publishing session (the will says `offline`, events spool while the broker is
    /// away); otherwise a short administrative connection (`mqtt --forget`), with neither.
    func connect(topics: MQTTTopics, session: Bool = true, report: @escaping @Sendable (String) -> Void) throws -> MQTTClient? {
        guard let mqtt else { return nil }
        let url = try MQTTURL(parsing: mqtt)
        var connection = MQTTConnection(host: url.host, port: url.port,
                                        clientID: "glutebridge-\(topics.deviceID)" + (session ? "" : "-admin"))
        connection.username = url.username
        connection.password = try password()
        connection.caFile = mqttCafile
        connection.certFile = mqttCert
        connection.keyFile = mqttKey
        if session { connection.will = (topics.availability, "offline") }
        do {
            return try MQTTClient(connection, spoolPath: session ? MQTTOptions.spoolPath(deviceID: topics.deviceID) : nil, report: report)
        } catch { throw CLIError("\(error)") }
    }

    /// The sink for a session, or nil without --mqtt.
    func sink(source: SourceSpec? = nil, report: @escaping @Sendable (String) -> Void) throws -> MQTTSink? {
        let topics = topics(source: source)
        guard let client = try connect(topics: topics, report: report) else { return nil }
        return MQTTSink(client: client, topics: topics, discovery: haDiscovery, version: GlutebridgeVersion.tool,
                        sessionStart: HostClock.now().wall, utcOffset: { LocalTime.utcOffset(at: $0) })
    }

    private func password() throws -> String? {
        if let path = mqttPasswordFile {
            let bytes: [UInt8]
            // Bounded: /dev/zero or a wrong file must not be read until memory runs out.
            do { bytes = try PrivateFile.contents(of: path, limit: 4096) } catch {
                throw CLIError("--mqtt-password-file \(path): \(error.problem(limit: "4 KiB"))")
            }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }
        return ProcessInfo.processInfo.environment["GLUTEBRIDGE_MQTT_PASSWORD"]
    }
}
