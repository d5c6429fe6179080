import ArgumentParser
import Foundation
import GluteLog

/// How the tool ends on an error: ArgumentParser's own exit, except that what the user typed is
/// never echoed with its control characters. A value holding a newline or an escape sequence
/// (`--speed $'1\n2'`, a path pasted with ESC in it) would otherwise split the one-line error in
/// two or drive the terminal.
enum CommandLineExit {
    static func exit(_ command: any ParsableCommand.Type, error: Error) -> Never {
        let status = command.exitCode(for: error)
        let message = command.message(for: error)
        // Help and --version are clean exits whose text is ours, newlines and all.
        guard status != .success, message != TerminalText.escaped(message) else { command.exit(withError: error) }
        let full = command.fullMessage(for: error)
        let safe = full.contains(message)
            ? full.replacingOccurrences(of: message, with: TerminalText.escaped(message))
            : "Error: " + TerminalText.escaped(message)
        Output.error(safe)
        Foundation.exit(status.rawValue)
    }

    /// `glutebridge help NAME` with a NAME that is no verb: ArgumentParser shows the overview and
    /// exits 0, which a script takes for success.
    static func unknownHelpTopic(_ arguments: [String], verbs: [String]) -> String? {
        guard arguments.count >= 2, arguments[0] == "help", !arguments[1].hasPrefix("-"),
              !verbs.contains(arguments[1]) else { return nil }
        return "Error: help: '\(TerminalText.escaped(arguments[1]))' is not a verb (one of \(verbs.joined(separator: ", ")))"
    }
}
