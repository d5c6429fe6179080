import ArgumentParser
import GluteSession

struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Watch a sensor live: posture, pelvic tilt, sitting bouts, squeezes, pelvic drop.",
        discussion: """
        On a terminal it shows a live view; otherwise (or with --format) it streams
        events, one JSON object per line with "schema": 1 on the first. Ctrl-C ends
        it and prints the summary.

        Examples:
          glutebridge monitor sim --speed 60
          glutebridge monitor /dev/ttyACM0 --tilt-limit 12 --sit-limit 45m --notify
          glutebridge monitor 'serial:/dev/ttyUSB0?protocol=witmotion&baud=9600' --format jsonl --output today.jsonl
          glutebridge monitor ble:C0:FF:EE:00:00:01    # a Bluetooth LE sensor; `glutebridge scan` finds it
          glutebridge monitor sim:sitting --speed 600 --format jsonl --exit-on sitting.prolonged
          glutebridge monitor /dev/ttyACM0 --output-dir ~/.local/state/glutebridge --keep-days 90
        """
    )

    @OptionGroup var live: LiveSourceOptions
    // -o as in record, report and simulate: each verb's own output file (here the event log).
    @Option(name: .shortAndLong, help: ArgumentHelp("Also append events as JSONL to FILE (created 0600).", valueName: "FILE"))
    var output: String?
    @OptionGroup(title: "Daily event logs") var daily: DailyLogOptions
    @OptionGroup(title: "Detection and alerts") var detection: DetectionAndAlertOptions
    @OptionGroup(title: "MQTT") var mqtt: MQTTOptions

    func validate() throws {
        try EventLogPathCheck.validate(output, option: "--output")
    }

    func run() throws {
        try LiveRun.run(live, detection: detection, capture: nil, log: output, daily: daily, mqtt: mqtt)
    }
}

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a sensor's raw bytes to a capture file while showing live events.",
        discussion: """
        The capture holds the transport bytes with their arrival times, so
        `glutebridge replay` gives the same events as the live session, and a newer
        glutebridge can re-run its detectors on old recordings. The file is created
        0600 (it is health data), written as bytes arrive, synced at least once a
        second, and closed cleanly on Ctrl-C or SIGTERM; a recording cut by a crash
        replays up to its last complete record.

        Examples:
          glutebridge record /dev/ttyACM0 -o monday.gbcap
          glutebridge record sim:desk-day --speed 60 --duration 1m -o demo.gbcap --format jsonl
        """
    )

    @OptionGroup var live: LiveSourceOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Capture file to create (never overwritten).", valueName: "FILE"))
    var output: String
    @Option(help: ArgumentHelp("Also append events as JSONL to FILE (created 0600).", valueName: "FILE"))
    var log: String?
    @OptionGroup(title: "Detection and alerts") var detection: DetectionAndAlertOptions
    @OptionGroup(title: "MQTT") var mqtt: MQTTOptions

    func validate() throws {
        try EventLogPathCheck.validate(log, option: "--log")
    }

    func run() throws {
        try LiveRun.run(live, detection: detection, capture: output, log: log, mqtt: mqtt)
    }
}
