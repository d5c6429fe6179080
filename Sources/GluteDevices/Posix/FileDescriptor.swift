import Synchronization

/// An open file descriptor that this value owns: it is closed exactly once, by `close()` or, failing
/// that, when the value is released.
///
/// Whoever reads `rawValue` must not use it after `close()`; readers of a descriptor (see
/// `SourceReader`) are stopped before their source is closed.
public final class FileDescriptor: Sendable {
    /// -1 once closed. The lock makes "take it and mark it closed" one step across threads.
    private let descriptor: Mutex<CInt>

    /// Takes ownership of `rawValue`, which must be an open descriptor no one else will close.
    public init(taking rawValue: CInt) {
        descriptor = Mutex(rawValue)
    }

    /// The descriptor number, or -1 after `close()`.
    public var rawValue: CInt { descriptor.withLock { $0 } }

    /// Whether `close()` has run.
    public var isClosed: Bool { rawValue < 0 }

    /// Closes the descriptor; later calls do nothing. The descriptor is released even when the
    /// kernel reports an error (Linux semantics), which is then thrown.
    public func close() throws(SystemError) {
        let taken = descriptor.withLock { value -> CInt in
            defer { value = -1 }
            return value
        }
        if taken >= 0 { try Posix.close(taken) }
    }

    deinit {
        let taken = descriptor.withLock { $0 }
        if taken >= 0 { try? Posix.close(taken) }
    }
}
