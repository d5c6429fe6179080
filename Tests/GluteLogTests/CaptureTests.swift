import Foundation
import GluteDevices
import Testing
@testable import GluteLog

@Suite("capture files")
struct CaptureTests {
    let header = CaptureHeader(fields: [("source", "serial:/dev/ttyACM0"), ("protocol", "native"), ("created", "2026-11-24T10:00:00Z")])

    func records(_ n: Int) -> [CaptureRecord] {
        (0..<n).map { (i: Int) -> CaptureRecord in
            let payload: [UInt8] = (0..<(i * 7 % 50)).map { (j: Int) -> UInt8 in UInt8(truncatingIfNeeded: j * 31 + i) }
            let t = Double(i) * 0.05
            return CaptureRecord(kind: i == 0 ? .connected : .data, monotonic: 100 + t, wall: 1_790_000_000 + t, payload: payload)
        }
    }

    func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gb-capture-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func roundTripsThroughAFile() throws {
        let path = tempPath("a.gbcap")
        let writer = try CaptureWriter(path: path, header: header)
        let written = records(40)
        for r in written { try writer.append(r) }
        try writer.close()
        let parsed = try CaptureParser(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(parsed.header == header)
        #expect(parsed.records == written)
        #expect(parsed.damagedTailBytes == 0)
    }

    @Test func fileIsOwnerOnlyAndNeverOverwritten() throws {
        let path = tempPath("b.gbcap")
        let old = umask(0)  // the most permissive umask must still give 0600
        defer { umask(old) }
        _ = try CaptureWriter(path: path, header: header)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
        #expect(mode == 0o600)
        #expect(throws: FileError.self) { try CaptureWriter(path: path, header: header) }
    }

    /// A capture cut anywhere (SIGKILL mid-write) keeps every record before the cut.
    @Test func truncatedTailKeepsEveryCompleteRecord() throws {
        let written = records(6)
        var bytes = header.encoded()
        var ends: [Int] = []
        for r in written { bytes += r.encoded(); ends.append(bytes.count) }
        for cut in header.encoded().count...bytes.count {
            let parsed = try CaptureParser(Array(bytes.prefix(cut)))
            let complete = ends.filter { $0 <= cut }.count
            #expect(parsed.records == Array(written.prefix(complete)))
            #expect(parsed.damagedTailBytes == cut - (complete == 0 ? header.encoded().count : ends[complete - 1]))
        }
    }

    @Test func corruptRecordStopsTheReadWithoutATrap() throws {
        var bytes = header.encoded()
        for r in records(5) { bytes += r.encoded() }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var damaged = bytes
            let at = Int.random(in: header.encoded().count..<damaged.count, using: &rng)
            damaged[at] ^= UInt8.random(in: 1...255, using: &rng)
            let parsed = try CaptureParser(damaged)
            #expect(parsed.records.count < 5)
        }
    }

    @Test func rejectsOtherFiles() {
        #expect(throws: CaptureParser.ParseError.notACapture) { try CaptureParser(Array("time_s,acc_x_g\n".utf8)) }
        #expect(throws: CaptureParser.ParseError.truncatedHeader) { try CaptureParser(Array("GLUTECAP\u{1}".utf8)) }
    }
}
