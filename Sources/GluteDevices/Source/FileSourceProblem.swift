import Foundation

/// What to tell someone who gave a live verb (`monitor`, `record`, `calibrate`, `check`,
/// `coach`) a path that is no device: a recording belongs to `replay`; a path that does not exist
/// is most likely a mistyped device or source, and must not be called a file.
public enum FileSourceProblem {
    public static func message(path: String, verb: String) -> String {
        let sources = "/dev/tty..., serial:PATH, ble:ADDRESS or sim[:SCENARIO]"
        if FileManager.default.fileExists(atPath: path) {
            return "'\(path)' is a file: use `glutebridge replay \(path)` (\(verb) reads a live sensor: \(sources))"
        }
        return "'\(path)': no such device or file (\(verb) reads a live sensor: \(sources))"
    }
}
