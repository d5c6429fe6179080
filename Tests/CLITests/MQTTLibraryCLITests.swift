import Foundation
import Testing

/// libmosquitto is opened only when MQTT is asked for: the binary does not link it, a run without
/// `--mqtt` works without it, and `--mqtt` without it is one line and status 1.
@Suite("libmosquitto loaded on demand", .enabled(if: CLI.available, "build the binary first: swift build"))
struct MQTTLibraryCLITests {
    @Test func theBinaryDoesNotLinkLibmosquittoOrOpenSSL() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [CLI.binary.path]
        let result = try CLI.collect(ldd)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("libc.so"))
        for library in ["libmosquitto", "libssl", "libcrypto"] {
            #expect(!result.stdout.contains(library), "\(library) linked:\n\(result.stdout)")
        }
    }

    /// The library hidden (an empty file bound over it in a private mount namespace): monitor
    /// without --mqtt runs; with --mqtt it names the library and the package. Needs root and
    /// unshare(1); skipped otherwise.
    @Test func withoutTheLibraryOnlyMQTTRunsFailAndSayWhy() throws {
        let library = URL(fileURLWithPath: "/usr/lib/x86_64-linux-gnu/libmosquitto.so.1").resolvingSymlinksInPath().path
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
              FileManager.default.fileExists(atPath: library) else {
            print("skipped: needs root, /usr/bin/unshare and \(library)")
            return
        }
        func hidden(_ arguments: [String]) throws -> CLIResult {
            let quoted = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments = ["-m", "sh", "-c", "mount --bind /dev/null '\(library)' && exec \(quoted)"]
            return try CLI.collect(process)
        }
        let plain = try hidden(["monitor", "sim", "--speed", "100", "--duration", "2s", "--format", "jsonl"])
        if plain.stderr.contains("mount:") || plain.stderr.contains("unshare:") {
            print("skipped: no private mount namespace here: \(plain.stderr)")
            return
        }
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("\"type\":\"posture\""))

        let mqtt = try hidden(["monitor", "sim", "--speed", "100", "--duration", "2s", "--format", "jsonl", "--mqtt", "mqtt://127.0.0.1:1"])
        #expect(mqtt.status == 1, "\(mqtt.stderr)")
        #expect(mqtt.stderr.hasPrefix("Error: mqtt: cannot load libmosquitto.so.1"), "\(mqtt.stderr)")
        #expect(mqtt.stderr.contains("apt install libmosquitto1"))
        #expect(mqtt.stderr.split(separator: "\n").count == 1, "\(mqtt.stderr)")
        #expect(mqtt.stdout.isEmpty, "\(mqtt.stdout)")
    }
}
