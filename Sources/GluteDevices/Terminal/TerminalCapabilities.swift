import Glibc

/// What the terminal on a descriptor can show, from the environment the user set.
public struct TerminalCapabilities: Sendable, Equatable {
    /// ANSI colour: a terminal, `TERM` not `dumb`, and `NO_COLOR` unset or empty (no-color.org).
    public var color: Bool
    /// Box-drawing and block characters: the locale's character set is UTF-8.
    public var unicode: Bool
    /// Cursor addressing and the alternate screen: a terminal whose `TERM` is not `dumb`. When
    /// false, print events line by line instead of a live view.
    public var fullScreen: Bool

    public init(color: Bool, unicode: Bool, fullScreen: Bool) {
        self.color = color
        self.unicode = unicode
        self.fullScreen = fullScreen
    }

    /// The environment variables this type reads.
    public static let variables = ["TERM", "NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG"]

    /// Capabilities for a descriptor that `isTerminal` (or not), under `environment`.
    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        let fullScreen = isTerminal && term != "dumb"
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        // The first of these that is set and not empty decides, as setlocale(3) does.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        let unicode = term != "dumb" && (lowered.contains("utf-8") || lowered.contains("utf8"))
        return TerminalCapabilities(color: fullScreen && !noColor, unicode: unicode, fullScreen: fullScreen)
    }

    /// Capabilities for `fd` under this process's environment.
    public static func current(fd: Int32 = 1) -> TerminalCapabilities {
        detect(isTerminal: isatty(fd) == 1, environment: processEnvironment())
    }

    /// This process's values of `variables`.
    public static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in variables {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
