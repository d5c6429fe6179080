import Foundation
import GluteAlerts
import GluteCore
import GluteSettings
import Testing
@testable import GluteSession

/// A config document parsed from text, as if read from `path`.
func configDocument(_ text: String, path: String = "glute.toml") throws(SettingsError) -> ConfigDocument {
    try ConfigFile.parse(Array(text.utf8), path: path)
}

func options(_ values: [String: String] = [:], flags: Set<String> = [], exec: [String] = []) -> OptionValues {
    OptionValues(values: values, flags: flags, execCommands: exec)
}

/// The message a resolution fails with, or nil if it succeeds.
func resolveFailure(_ options: OptionValues, config: ConfigDocument? = nil) -> String? {
    do {
        _ = try ResolvedSettings.resolve(options: options, config: config)
        return nil
    } catch {
        return error.description
    }
}

@Suite("settings resolution")
struct SettingsResolverTests {
    @Test func nothingGivenIsTheDefaults() throws {
        let resolved = try ResolvedSettings.resolve(options: OptionValues(), config: nil)
        #expect(resolved.pipeline == PipelineSettings())
        #expect(resolved.alerts == AlertSettings())
        #expect(resolved.quietHours == nil)
        #expect(resolved.sources.isEmpty)
        #expect(resolved.pipeline.sitting.limit == 1800)
        #expect(resolved.pipeline.sitting.breakMin == 60)
        #expect(resolved.alerts.types == ["sitting.prolonged", "tilt.anterior.start", "pelvic_drop", "link.disconnected"])
        #expect(resolved.alerts.minInterval == 60)
    }

    @Test func everyOptionReachesItsSetting() throws {
        var given = OptionValues()
        given.set(.tiltLimit, "12.5")
        given.set(.tiltDelay, "8s")
        given.set(.sitLimit, "45m")
        given.set(.breakMin, "90s")
        given.set(.repeatInterval, "1h30m")
        given.set(.squeezeMin, "2s")
        given.set(.dropLimit, "6")
        given.set(.quietHours, "22:00-07:30")
        given.set(.neutral, "2..12")
        given.set(.mount, "-y,x,z")
        given.set(.alertOn, "squeeze, pelvic_drop")
        given.set(.alertInterval, "5m")
        given.set(.bell, flag: true)
        given.set(.notify, flag: false)
        given.execCommands = ["notify-send 'Stand up'", "logger -t glute"]
        let r = try ResolvedSettings.resolve(options: given, config: nil)
        #expect(r.pipeline.tilt.limit == 12.5)
        #expect(r.pipeline.tilt.delay == 8)
        #expect(r.pipeline.sitting.limit == 2700)
        #expect(r.pipeline.sitting.breakMin == 90)
        #expect(r.pipeline.sitting.repeatInterval == 5400)
        #expect(r.pipeline.squeeze.minHold == 2)
        #expect(r.pipeline.drop.limit == 6)
        #expect(r.quietHours == QuietHours(start: 22 * 60, end: 7 * 60 + 30))
        #expect(r.pipeline.neutral == .window(start: 2, end: 12))
        #expect(r.pipeline.mount == (try Mount(parsing: "-y,x,z")))
        #expect(r.alerts.types == ["squeeze", "pelvic_drop"])
        #expect(r.alerts.minInterval == 300)
        #expect(r.alerts.bell)
        #expect(!r.alerts.notify)
        #expect(r.alerts.exec == [["notify-send", "Stand up"], ["logger", "-t", "glute"]])
        #expect(r.sources[.tiltLimit] == .option)
        #expect(r.sources[.notify] == nil)
    }

    static let toml = """
        # GluteBridge settings
        tilt-limit = 12          # degrees
        sit-limit = "45m"

        [detection]
        break-min = 120
        mount = '-y,x,z'

        [alerts]
        bell = true
        exec = [
            "notify-send 'Stand up'",   # the desktop
            'logger -t glutebridge',
        ]
        alert-on = ["sitting.prolonged", "squeeze"]
        alert-interval = "2m"
        quiet-hours = "22:00-07:00"
        """

    static let json = """
        {
          "tilt-limit": 12,
          "sit-limit": "45m",
          "detection": { "break-min": 120, "mount": "-y,x,z" },
          "alerts": {
            "bell": true,
            "exec": ["notify-send 'Stand up'", "logger -t glutebridge"],
            "alert-on": ["sitting.prolonged", "squeeze"],
            "alert-interval": "2m",
            "quiet-hours": "22:00-07:00"
          }
        }
        """

    @Test(arguments: [("glute.toml", toml), ("glute.json", json), ("glute.conf", json)])
    func optionsBeatTheFileWhichBeatsTheDefaults(_ path: String, _ text: String) throws {
        let document = try configDocument(text, path: path)
        let fileOnly = try ResolvedSettings.resolve(options: OptionValues(), config: document)
        #expect(fileOnly.pipeline.tilt.limit == 12)
        #expect(fileOnly.pipeline.sitting.limit == 2700)
        #expect(fileOnly.pipeline.sitting.breakMin == 120)
        #expect(fileOnly.pipeline.mount == (try Mount(parsing: "-y,x,z")))
        #expect(fileOnly.pipeline.tilt.delay == TiltSettings().delay)
        #expect(fileOnly.alerts.bell)
        #expect(!fileOnly.alerts.notify)
        #expect(fileOnly.alerts.exec == [["notify-send", "Stand up"], ["logger", "-t", "glutebridge"]])
        #expect(fileOnly.alerts.types == ["sitting.prolonged", "squeeze"])
        #expect(fileOnly.alerts.minInterval == 120)
        #expect(fileOnly.quietHours == QuietHours(start: 1320, end: 420))
        #expect(fileOnly.sources[.tiltLimit] == .configFile)

        let given = options(["tilt-limit": "15", "--alert-interval": "30s"], flags: ["notify"], exec: ["true"])
        let both = try ResolvedSettings.resolve(options: given, config: document)
        #expect(both.pipeline.tilt.limit == 15)
        #expect(both.sources[.tiltLimit] == .option)
        #expect(both.alerts.minInterval == 30)
        #expect(both.alerts.notify)
        #expect(both.alerts.bell, "the file's bell stays on")
        #expect(both.alerts.exec == [["true"]], "--exec replaces the file's list")
        #expect(both.pipeline.sitting.limit == 2700)
        #expect(both.sources[.sitLimit] == .configFile)
    }

    @Test func filesAreReadFromDisk() throws {
        let dir = try TemporaryDirectory()
        let tomlPath = dir.path + "/settings.toml"
        let jsonPath = dir.path + "/settings"
        try Self.toml.write(toFile: tomlPath, atomically: true, encoding: .utf8)
        try "  \n" .appending(Self.json).write(toFile: jsonPath, atomically: true, encoding: .utf8)
        let fromTOML = try ResolvedSettings.resolve(options: OptionValues(), configFile: tomlPath)
        let fromJSON = try ResolvedSettings.resolve(options: OptionValues(), configFile: jsonPath)
        #expect(fromTOML == fromJSON)
        #expect(fromTOML.pipeline.tilt.limit == 12)

        let missing = dir.path + "/nope.toml"
        #expect(throws: SettingsError(origin: missing, problem: "cannot open the config file: No such file or directory")) {
            try ResolvedSettings.resolve(options: OptionValues(), configFile: missing)
        }
        #expect(throws: SettingsError(origin: dir.path, problem: "is a directory, not a config file")) {
            try ResolvedSettings.resolve(options: OptionValues(), configFile: dir.path)
        }
    }

    static let badOptions: [(String, String, String)] = [
        ("tilt-limit", "abc", "--tilt-limit: 'abc' is not a number of degrees"),
        ("tilt-limit", "50", "--tilt-limit: 50 degrees is out of range (1 to 45 degrees)"),
        ("tilt-limit", "0.5", "--tilt-limit: 0.5 degrees is out of range (1 to 45 degrees)"),
        ("drop-limit", "nan", "--drop-limit: 'nan' is not a number of degrees"),
        ("tilt-delay", "soon", "--tilt-delay: 'soon' is not a duration (examples: 90s, 45m, 1h30m)"),
        ("sit-limit", "0", "--sit-limit: the duration must be longer than zero"),
        ("sit-limit", "-5m", "--sit-limit: '-5m' is not a duration (examples: 90s, 45m, 1h30m)"),
        ("break-min", "0s", "--break-min: the duration must be longer than zero"),
        ("squeeze-min", "45s", "--squeeze-min: 45s is not shorter than the longest squeeze (30s; longer holds are a change of posture)"),
        ("quiet-hours", "25:00-07:00", "--quiet-hours: '25:00-07:00': '25:00' is not a time of day (00:00 to 23:59)"),
        ("quiet-hours", "22:00", "--quiet-hours: '22:00': expected HH:MM-HH:MM, e.g. 22:00-07:30"),
        ("quiet-hours", "22:00-22:00", "--quiet-hours: '22:00-22:00': the start and the end are the same time"),
        ("quiet-hours", "7:5-8:00", "--quiet-hours: '7:5-8:00': '7:5' is not a time of day (00:00 to 23:59)"),
        ("neutral", "12..2", "--neutral: the window '12..2' must start before it ends"),
        ("neutral", "5", "--neutral: '5' is not a window of stream seconds, e.g. 2..12"),
        ("neutral", "-1..3", "--neutral: the window starts before the stream (-1 s)"),
        ("mount", "x,x,z", "--mount: 'x,x,z' is not a mount: each of x, y, z must appear once"),
        ("alert-on", "squeeze,bogus", "--alert-on: 'bogus' is not an event type (one of: all, posture, sitting.prolonged, "
            + "sitting.break, tilt.anterior.start, tilt.anterior.end, squeeze, pelvic_drop, exercise.rep, exercise.set, "
            + "link.connected, link.disconnected, link.gap)"),
        ("alert-on", " , ", "--alert-on: names no event type"),
        ("alert-interval", "-1", "--alert-interval: '-1' is not a duration (examples: 90s, 45m, 1h30m)"),
        ("tilt-limit", "\u{1B}[31m", "--tilt-limit: '\\x1b[31m' is not a number of degrees"),
        ("bogus", "1", "--bogus: not a detection or alert option"),
        ("bell", "yes", "--bell: is not an option that takes a value here"),
    ]

    @Test(arguments: badOptions)
    func badOptionValuesNameTheOption(_ key: String, _ value: String, _ message: String) {
        #expect(resolveFailure(options([key: value])) == message)
    }

    @Test func badExecAndEdgeValues() throws {
        #expect(resolveFailure(options(exec: ["ok", "hook 'unclosed"])) == "--exec: 'hook 'unclosed': unbalanced single quote (opened at character 6)")
        #expect(resolveFailure(options(exec: ["a; b"]))?.hasPrefix("--exec: 'a; b': unquoted ';'") == true)
        #expect(resolveFailure(options(flags: ["tilt-limit"])) == "--tilt-limit: is not a flag")
        let zero = try ResolvedSettings.resolve(options: options(["alert-interval": "0"]), config: nil)
        #expect(zero.alerts.minInterval == 0)
        let all = try ResolvedSettings.resolve(options: options(["alert-on": "all"]), config: nil)
        #expect(all.alerts.types == Set(AlertSettings.eventTypes))
        let small = try ResolvedSettings.resolve(options: options(["tilt-limit": "1", "drop-limit": "2"]), config: nil)
        #expect(small.pipeline.tilt.hysteresis == 0.5)
        #expect(small.pipeline.drop.hysteresis == 1)
        let midnight = try ResolvedSettings.resolve(options: options(["quiet-hours": "23:00-24:00"]), config: nil)
        #expect(midnight.quietHours == QuietHours(start: 1380, end: 0))
    }

    static let badFiles: [(String, String, String)] = [
        ("a.toml", "sit-limit = \"45m\"\n\ntilt-limt = 12\n", "a.toml:3: unknown key 'tilt-limt' (did you mean 'tilt-limit'?)"),
        ("a.toml", "colour = \"red\"", "a.toml:1: unknown key 'colour'"),
        ("a.toml", "[alerts]\ntilt-limit = 12", "a.toml:2: 'tilt-limit' belongs in [detection] or at the top level, not in [alerts]"),
        ("a.toml", "[output]\nformat = 1", "a.toml:2: unknown table [output] (known: [detection], [alerts], [log], [mqtt])"),
        ("a.toml", "tilt-limit = 12\n[detection]\ntilt-limit = 13", "a.toml:3: 'tilt-limit' is set twice"),
        ("a.toml", "tilt-limit = 12\ntilt-limit = 13", "a.toml:2: key 'tilt-limit' appears twice"),
        ("a.toml", "sit-limit = 45m", "a.toml:1: '45m' is not a value; text needs quotes, e.g. \"45m\""),
        ("a.toml", "[alerts]\nbell = \"yes\"", "a.toml:2: alerts.bell: expected true or false, got a string"),
        ("a.toml", "tilt-limit = \"steep\"", "a.toml:1: tilt-limit: 'steep' is not a number of degrees"),
        ("a.toml", "tilt-limit = 90", "a.toml:1: tilt-limit: 90 degrees is out of range (1 to 45 degrees)"),
        ("a.toml", "sit-limit = true", "a.toml:1: sit-limit: expected a duration such as \"45m\", got a boolean"),
        ("a.toml", "exec = [\"ok\", 'a \"b']", "a.toml:1: exec: 'a \"b': unbalanced double quote (opened at character 3)"),
        ("a.toml", "exec = [1, 2]", "a.toml:1: arrays may hold only strings"),
        ("a.toml", "exec = \"\"\"x\"\"\"", "a.toml:1: multi-line strings are not supported"),
        ("a.toml", "alerts = { bell = true }", "a.toml:1: inline tables are not supported"),
        ("a.toml", "alerts.bell = true", "a.toml:1: dotted keys are not supported; use a [table]"),
        ("a.toml", "bell = true false", "a.toml:1: unexpected 'f' after the value"),
        ("a.toml", "sit-limit = \"45m", "a.toml:1: unterminated string"),
        ("a.toml", "exec = [\n \"a\",\n", "a.toml:3: unterminated array"),
        ("a.toml", "[[alerts]]", "a.toml:1: arrays of tables ([[...]]) are not supported"),
        ("a.toml", "x = \"\\q\"", "a.toml:1: unknown escape '\\q' in a string (use single quotes for literal text)"),
        ("a.json", "{\"tilt-limt\": 12}", "a.json: unknown key 'tilt-limt' (did you mean 'tilt-limit'?)"),
        ("a.json", "{\"alerts\": {\"bell\": 1}}", "a.json: alerts.bell: expected true or false, got a number"),
        ("a.json", "{\"tilt-limit\": true}", "a.json: tilt-limit: expected a number of degrees, got a boolean"),
        ("a.json", "{\"tilt-limit\": null}", "a.json: tilt-limit: null is not a value; leave the key out instead"),
        ("a.json", "[1, 2]", "a.json: the JSON must be an object of settings"),
        ("a.json", "{\"exec\": [\"ok\", 3]}", "a.json: exec: arrays may hold only strings"),
    ]

    @Test(arguments: badFiles)
    func badFileEntriesNameTheFileAndKey(_ path: String, _ text: String, _ message: String) {
        let failure: String?
        do {
            failure = resolveFailure(OptionValues(), config: try configDocument(text, path: path))
        } catch {
            failure = error.description
        }
        #expect(failure == message)
    }

    @Test func brokenJSONIsOneLine() throws {
        var message = ""
        do {
            _ = try configDocument("{\"tilt-limit\": ", path: "b.json")
        } catch {
            message = error.description
        }
        #expect(message.hasPrefix("b.json: not valid JSON"))
        #expect(!message.contains("\n"))
    }

    @Test func badFileValuesFailEvenWhenAnOptionWins() throws {
        let document = try configDocument("tilt-limit = 99\n")
        #expect(resolveFailure(options(["tilt-limit": "11"]), config: document) == "glute.toml:1: tilt-limit: 99 degrees is out of range (1 to 45 degrees)")
        let typo = try configDocument("tilt-limt = 12\n")
        #expect(resolveFailure(options(["tilt-limit": "11"]), config: typo) == "glute.toml:1: unknown key 'tilt-limt' (did you mean 'tilt-limit'?)")
    }
}

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/glute-alerts-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
