import Foundation
import Testing

/// Runs the glutebridge binary as a user would and captures what it prints.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
}

enum CLI {
    /// The binary: $GLUTEBRIDGE_BIN, or the one `swift build` put next to the test bundle.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["GLUTEBRIDGE_BIN"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("glutebridge")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/glutebridge")
    }()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = isolatedEnvironment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        return try collect(process, stdin: stdin)
    }

    /// Runs a prepared process to its end, feeding `stdin` (then end of file) and collecting both
    /// output streams.
    static func collect(_ process: Process, stdin: Data? = nil) throws -> CLIResult {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty process never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    /// Starts the binary in the background; the caller reads its stdout and terminates it.
    /// `stderrFile`: where its standard error goes (default: nowhere).
    static func start(_ arguments: [String], environment: [String: String] = [:], stderrFile: URL? = nil) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = isolatedEnvironment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        if let stderrFile {
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderrFile)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out.fileHandleForReading)
    }
}

/// The test process's environment with XDG_CONFIG_HOME pointing at an empty directory, so that a
/// developer's own calibration profiles (~/.config/glutebridge) never change what a test sees.
let isolatedEnvironment: [String: String] = {
    var env = ProcessInfo.processInfo.environment
    env["XDG_CONFIG_HOME"] = temporaryDirectory().path
    return env
}()

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// All of this test process's scratch folders live under one root, removed when the process exits.
let cliScratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("gb-cli-\(getpid())")
private let cliScratchCleanup: Void = {
    atexit { try? FileManager.default.removeItem(at: cliScratchRoot) }
}()

func temporaryDirectory() -> URL {
    _ = cliScratchCleanup
    let dir = cliScratchRoot.appendingPathComponent(UUID().uuidString)
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func jsonObject(_ line: String) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
}

/// Reads one line from a pipe, byte by byte (the first line of `simulate --pty`).
func readLine(from handle: FileHandle) -> String {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    // Plain read(2): FileHandle's readData(ofLength:) may wait for more than one byte on Linux.
    while read(handle.fileDescriptor, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
        bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
}
