import Glibc
import GluteWire

/// Finds the baud rate of a WitMotion sensor: opens the port at each standard rate (9600 and
/// 115200 first, the modules' factory settings), listens briefly, and keeps the first rate whose
/// bytes hold checksum-valid packets. At a wrong rate the bytes are garbage and the checksums fail.
public enum WitMotionBaudSearch {
    /// The rate that works, or nil when none does.
    /// - Parameters:
    ///   - listen: seconds to listen at each rate (a WitMotion module sends at 10 Hz or more).
    ///   - interrupts: descriptors that abandon the search when readable.
    public static func find(path: String, rates: [Int] = WitMotionBaudProbe.candidateBaudRates,
                            listen: Double = 0.6, interrupts: [Int32] = []) throws(SerialPortError) -> Int? {
        for rate in rates {
            let port = try SerialPort(path: path, settings: SerialSettings(baudRate: rate))
            defer { try? port.close() }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 512)
            let deadline = HostClock.now().monotonic + listen
            while bytes.count < 2048 {
                let remaining = deadline - HostClock.now().monotonic
                guard remaining > 0 else { break }
                let ready = waitReadable([port.readDescriptor] + interrupts, timeout: remaining)
                guard let ready else { break }
                if ready != port.readDescriptor { return nil }
                let n = buffer.withUnsafeMutableBytes { Glibc.read(port.readDescriptor, $0.baseAddress, $0.count) }
                if n > 0 { bytes.append(contentsOf: buffer[0..<n]) } else if n == 0 || (errno != EAGAIN && errno != EINTR) { break }
            }
            if WitMotionBaudProbe.inspect(bytes[...]).isWitMotion { return rate }
        }
        return nil
    }
}
