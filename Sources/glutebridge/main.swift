import ArgumentParser
import Foundation

struct GlutebridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glutebridge",
        abstract: "Pelvic tilt, sitting and glute squeeze monitor for a belt IMU or a seat cushion.",
        discussion: """
        Sources: a tty path (/dev/ttyACM0),
        serial:PATH?baud=N&protocol=native|witmotion|csv|plotter|auto,
        ble:ADDR?profile=auto|native|witmotion|microbit&type=random (Bluetooth
        LE; att=unix:PATH for a simulator), sim[:SCENARIO] (the
        built-in virtual sensor), or a capture/CSV file for replay.

        Start with:
          glutebridge monitor sim --speed 60    (live view on the virtual sensor)
        """,
        version: GlutebridgeVersion.string,
        subcommands: [
            MonitorCommand.self, RecordCommand.self, ReplayCommand.self, CalibrateCommand.self,
            DevicesCommand.self, ScanCommand.self, DoctorCommand.self, SimulateCommand.self, DecodeCommand.self, ExportCommand.self,
            EvaluateCommand.self, CheckCommand.self, CoachCommand.self, ReportCommand.self,
            HistoryCommand.self, MQTTCommand.self,
        ]
    )
}

let arguments = Array(CommandLine.arguments.dropFirst())
let verbs = GlutebridgeCommand.configuration.subcommands.map { $0._commandName } + ["help"]
if let unknown = CommandLineExit.unknownHelpTopic(arguments, verbs: verbs) {
    Output.error(unknown)
    Output.error("Usage: glutebridge help <subcommand>")
    exit(ExitCode.validationFailure.rawValue)
}
do {
    var command = try GlutebridgeCommand.parseAsRoot(arguments)
    try command.run()
} catch {
    CommandLineExit.exit(GlutebridgeCommand.self, error: error)
}
