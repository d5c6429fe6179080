import ArgumentParser
import GluteDevices
import GluteLog

/// `--output-dir` and `--keep-days`: the event log kept one file per local day.
struct DailyLogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also append events as JSONL to one file per local day in DIR (events-YYYY-MM-DD.jsonl, 0600), e.g. ~/.local/state/glutebridge.", valueName: "DIR"))
    var outputDir: String?

    @Option(help: ArgumentHelp("With --output-dir: remove daily logs older than this many days (default \(DailyLogFiles.defaultKeepDays)).", valueName: "N"))
    var keepDays: Int?

    func validate() throws {
        if let keepDays { guard (1...36_500).contains(keepDays) else { throw ValidationError("--keep-days must be between 1 and 36500") } }
        if keepDays != nil, outputDir == nil { throw ValidationError("--keep-days needs --output-dir") }
        if let outputDir, !DailyLogFiles.isDirectory(outputDir) { throw ValidationError("--output-dir: '\(outputDir)' is not a directory") }
    }

    /// The daily log, when asked for; the host's time zone decides where days begin.
    func open(source: String, startWall: Double, configuredKeepDays: Int? = nil) throws -> DailyEventLog? {
        guard let outputDir else { return nil }
        do {
            return try DailyEventLog(directory: outputDir, source: source, tool: GlutebridgeVersion.tool, startWall: startWall,
                                     keepDays: keepDays ?? configuredKeepDays ?? DailyLogFiles.defaultKeepDays,
                                     utcOffset: { LocalTime.utcOffset(at: $0) })
        } catch {
            throw CLIError("\(error)")
        }
    }
}
