import Foundation

/// A throwaway certificate authority and a server certificate for 127.0.0.1, made with openssl at
/// test time (nothing secret is checked in), plus a second, unrelated CA for the wrong-CA case.
struct TestCertificates {
    static let openssl = ["/usr/bin/openssl", "/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    let ca: String
    let serverCert: String
    let serverKey: String
    let otherCA: String

    init(in directory: URL) throws {
        let d = directory.path
        ca = d + "/ca.pem"; serverCert = d + "/server.pem"; serverKey = d + "/server.key"; otherCA = d + "/other-ca.pem"
        try Self.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", ca, "-days", "2", "-subj", "/CN=gb-test-ca"])
        try Self.run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", serverKey, "-out", d + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: d + "/san.cnf", atomically: true, encoding: .utf8)
        try Self.run(["x509", "-req", "-in", d + "/server.csr", "-CA", ca, "-CAkey", d + "/ca.key", "-CAcreateserial",
                      "-out", serverCert, "-days", "2", "-extfile", d + "/san.cnf"])
        try Self.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/other-ca.key", "-out", otherCA, "-days", "2", "-subj", "/CN=gb-other-ca"])
        // mosquitto started as root drops to its own user, which must still read the key.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: serverKey)
    }

    private static func run(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: openssl!)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["openssl": arguments.joined(separator: " ")]) }
    }
}
