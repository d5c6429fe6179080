import Foundation

/// The TLS files a user names, checked before libmosquitto gets them: it reads them only during
/// the handshake, and then a missing file, an empty one or a key given as the certificate all
/// come out as one "TLS handshake failed" that blames the broker's certificate.
enum TLSFileCheck {
    /// Throws unless `path` is a readable file holding a PEM block whose label ends in `label`
    /// ("CERTIFICATE"; "PRIVATE KEY" also matches "RSA PRIVATE KEY" and "EC PRIVATE KEY").
    static func require(_ path: String, option: String, holds label: String) throws(MQTTError) {
        func failure(_ problem: String) -> MQTTError { MQTTError("mqtt: \(option) \(path): \(problem)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
        guard !isDirectory.boolValue else { throw failure("is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw failure("cannot be read") }
        defer { try? handle.close() }
        // A certificate chain is a few kilobytes; /dev/zero would never end.
        let head = (try? handle.read(upToCount: 1 << 20)) ?? nil
        let text = String(decoding: head ?? Data(), as: UTF8.self)
        guard text.contains("-----BEGIN "), text.contains(label + "-----") else {
            throw failure("no PEM \(label) in it")
        }
    }
}
