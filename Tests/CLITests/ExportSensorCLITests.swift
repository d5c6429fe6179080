import Foundation
import Testing

/// A recording with the IMU and the cushion gave a CSV of whichever sensor came first, and the
/// other sensor's samples vanished without a word. `--sensor` picks one; the rest is counted.
@Suite("export --sensor", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ExportSensorCLITests {
    /// 10 s at 100 Hz IMU and 20 Hz cushion; the simulator sends a cushion sample first.
    func mixedCapture() throws -> URL {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("mix.bin")
        try #require(try CLI.run(["simulate", "-o", capture.path, "--duration", "10s", "--cushion"]).status == 0)
        return capture
    }

    func rows(_ stdout: String) -> [Substring] { stdout.split(separator: "\n") }

    @Test func eachSensorOnRequest() throws {
        let capture = try mixedCapture()
        let imu = try CLI.run(["export", capture.path, "--csv", "--sensor", "imu"])
        #expect(imu.status == 0, "\(imu.stderr)")
        #expect(rows(imu.stdout).first?.hasPrefix("time_s,acc_x_g,acc_y_g,acc_z_g,gyro_x_dps") == true)
        #expect(rows(imu.stdout).count == 1 + 1000)
        #expect(imu.stderr.contains("200 cushion samples left out (this CSV holds the IMU's columns); --sensor cushion exports them"), "\(imu.stderr)")

        let seat = try CLI.run(["export", capture.path, "--csv", "--sensor", "cushion"])
        #expect(seat.status == 0, "\(seat.stderr)")
        #expect(rows(seat.stdout).first?.hasPrefix("time_s,pressure_0,") == true)
        #expect(rows(seat.stdout).count == 1 + 200)
        #expect(seat.stderr.contains("1000 IMU samples left out (this CSV holds the cushion's columns); --sensor imu exports them"), "\(seat.stderr)")
    }

    @Test func theDefaultSaysWhatItLeftOut() throws {
        let capture = try mixedCapture()
        let auto = try CLI.run(["export", capture.path, "--csv"])
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(rows(auto.stdout).first?.hasPrefix("time_s,pressure_0,") == true)
        #expect(rows(auto.stdout).count == 1 + 200)
        #expect(auto.stderr.split(separator: "\n").count == 1)
        #expect(auto.stderr.contains("1000 IMU samples left out"), "\(auto.stderr)")
    }

    @Test func badChoicesAreUsageErrors() throws {
        let capture = try mixedCapture()
        let unknown = try CLI.run(["export", capture.path, "--csv", "--sensor", "seat"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--sensor: 'seat' is not imu, cushion or auto"))
        let orientation = try CLI.run(["export", capture.path, "--orientation", "--sensor", "cushion"])
        #expect(orientation.status == 64)
        #expect(orientation.stderr.contains("--sensor is for --csv"))
    }

    @Test func aSensorTheRecordingLacksIsAnError() throws {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("imu.bin")
        try #require(try CLI.run(["simulate", "-o", capture.path, "--duration", "5s", "--no-cushion"]).status == 0)
        let result = try CLI.run(["export", capture.path, "--csv", "--sensor", "cushion"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no cushion samples to export"))
        #expect(result.stdout.isEmpty)
        let plain = try CLI.run(["export", capture.path, "--csv"])
        #expect(plain.status == 0)
        #expect(plain.stderr.isEmpty, "\(plain.stderr)")
    }
}
