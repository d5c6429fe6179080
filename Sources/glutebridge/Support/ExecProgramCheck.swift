import ArgumentParser
import GluteDevices
import GluteLog
import GluteSession

/// `--exec` programs (and a config file's `exec`) are looked up when the run starts, so that a typo
/// is a usage error now rather than one "could not start" line at the first alert, hours later.
enum ExecProgramCheck {
    static func check(_ commands: [[String]]) throws {
        for argv in commands {
            guard let program = argv.first else { continue }
            // A name with a slash is used as given: it must exist and be executable.
            guard ExecutableSearch.executable(program) != nil else {
                throw ValidationError("--exec: '\(TerminalText.escaped(program))' was not found"
                    + (program.contains("/") ? " or is not executable" : " on PATH"))
            }
        }
    }
}
