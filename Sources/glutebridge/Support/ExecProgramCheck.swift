import ArgumentParser
import Glibc
import GluteLog
import GluteSession

/// `--exec` programs (and a config file's `exec`) are looked up when the run starts, so that a typo
/// is a usage error now rather than one "could not start" line at the first alert, hours later.
enum ExecProgramCheck {
    static func check(_ commands: [[String]]) throws {
        let path = getenv("PATH").map { String(cString: $0) }
        for argv in commands {
            guard let program = argv.first else { continue }
            let found = ExecutableSearch.find(program, path: path)
            // A name with a slash is used as given: it must exist and be executable.
            guard let found, access(found, X_OK) == 0 else {
                throw ValidationError("--exec: '\(TerminalText.escaped(program))' was not found"
                    + (program.contains("/") ? " or is not executable" : " on PATH"))
            }
        }
    }
}
