import Glibc
import Synchronization

/// One thread that reads one `ByteSource`: it blocks in `poll(2)` on the source and on a `WakeUp`,
/// hands every chunk to `onChunk` as soon as it is read, and on a hang-up, end of stream or read
/// error reports once to `onDisconnect` and ends. `stop()` wakes it and joins it.
///
/// Both handlers run on the reader thread, one call at a time, and are `sending`: the caller hands
/// what they capture over to the thread. Handlers that share non-Sendable state (a decoder, a
/// pipeline) are passed together as one `Handlers` value, which needs no lock. A handler may call
/// `stop()` (the thread then ends after the handler returns).
///
/// No sleeping or timed polling: while nothing arrives the thread is blocked in the kernel.
public final class SourceReader: Sendable {
    /// The source being read (kept alive until the reader is released).
    public let source: any ByteSource
    private let shared: ReaderShared
    private let thread: pthread_t
    /// Whether the thread has been joined; held while joining so that concurrent `stop()` calls
    /// all return after the thread has ended. The reader thread itself never takes it.
    private let joined = Mutex(false)

    /// What a reader calls, on its own thread.
    public struct Handlers {
        /// Called for each chunk, in order.
        public var onChunk: (ByteChunk) -> Void
        /// Called at most once, when the source fails; never after `stop()` has returned.
        public var onDisconnect: (DisconnectReason) -> Void

        public init(onChunk: @escaping (ByteChunk) -> Void, onDisconnect: @escaping (DisconnectReason) -> Void) {
            self.onChunk = onChunk
            self.onDisconnect = onDisconnect
        }
    }

    /// Starts a reader thread on `source`.
    /// - Parameters:
    ///   - chunkCapacity: the most bytes one `read` (and so one chunk) carries. Default 4096.
    ///   - onChunk: called on the reader thread for each chunk.
    ///   - onDisconnect: called on the reader thread, at most once, when the source fails; not
    ///     called after `stop()`.
    /// - Note: two `sending` closures may not capture the same non-Sendable value; use
    ///   `init(reading:chunkCapacity:handlers:)` for that.
    public convenience init(
        reading source: any ByteSource,
        chunkCapacity: Int = 4096,
        onChunk: sending @escaping (ByteChunk) -> Void,
        onDisconnect: sending @escaping (DisconnectReason) -> Void
    ) throws(SystemError) {
        try self.init(reading: source, chunkCapacity: chunkCapacity,
                      handlers: Handlers(onChunk: onChunk, onDisconnect: onDisconnect))
    }

    /// Starts a reader thread on `source` that calls `handlers` (see `Handlers`).
    public init(reading source: any ByteSource, chunkCapacity: Int = 4096, handlers: sending Handlers) throws(SystemError) {
        let shared = ReaderShared(wakeUp: try WakeUp())
        let context = ReaderContext(
            source: source, shared: shared, chunkCapacity: max(chunkCapacity, 1), handlers: handlers)
        // The context crosses to the new thread as a raw pointer and is used only there from then
        // on: the handlers were `sending`, so nothing else refers to what they captured.
        let pointer = Unmanaged.passRetained(context).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { pointer in
            let context = Unmanaged<ReaderContext>.fromOpaque(pointer!).takeRetainedValue()
            context.run()
            return nil
        }, pointer)
        if status != 0 {
            Unmanaged<ReaderContext>.fromOpaque(pointer).release()
            throw SystemError(code: status, call: "pthread_create")
        }
        self.source = source
        self.shared = shared
        self.thread = thread
    }

    /// Whether the thread is still reading (false once it stopped or reported a disconnect).
    public var isRunning: Bool { !shared.finished.withLock { $0 } }

    /// Wakes the thread and waits for it to end. No handler runs after `stop()` returns (unless it
    /// was called from a handler, which cannot wait for its own thread). Safe to call repeatedly.
    public func stop() {
        shared.wakeUp.signal()
        if shared.isReaderThread() { return }
        joined.withLock { joined in
            guard !joined else { return }
            pthread_join(thread, nil)
            joined = true
        }
    }

    deinit {
        shared.wakeUp.signal()
        if shared.isReaderThread() {
            // Released from one of its own handlers: it cannot join itself, so it ends on its own.
            pthread_detach(thread)
        } else {
            joined.withLock { joined in
                if !joined { pthread_join(thread, nil) }
            }
        }
    }
}

/// State both the owner and the reader thread touch; every field is a `Mutex` or immutable.
private final class ReaderShared: Sendable {
    let wakeUp: WakeUp
    /// Set by the reader thread itself before anything else, so `stop()` from a handler knows.
    let readerThread = Mutex<pthread_t?>(nil)
    let finished = Mutex(false)

    init(wakeUp: WakeUp) {
        self.wakeUp = wakeUp
    }

    func isReaderThread() -> Bool {
        guard let reader = readerThread.withLock({ $0 }) else { return false }
        return pthread_equal(reader, pthread_self()) != 0
    }
}

/// Everything the reader thread owns. Used by that thread alone once it starts.
private final class ReaderContext {
    let source: any ByteSource
    let shared: ReaderShared
    let chunkCapacity: Int
    let handlers: SourceReader.Handlers

    init(source: any ByteSource, shared: ReaderShared, chunkCapacity: Int, handlers: SourceReader.Handlers) {
        self.source = source
        self.shared = shared
        self.chunkCapacity = chunkCapacity
        self.handlers = handlers
    }

    func run() {
        shared.readerThread.withLock { $0 = pthread_self() }
        if let reason = readUntilDisconnected() { handlers.onDisconnect(reason) }
        shared.finished.withLock { $0 = true }
    }

    /// Returns why the source failed, or nil when woken by `stop()`.
    private func readUntilDisconnected() -> DisconnectReason? {
        let descriptor = source.readDescriptor
        // poll(2) ignores negative descriptors: a closed source would otherwise wait forever.
        if descriptor < 0 { return .descriptorClosed }
        var buffer = [UInt8](repeating: 0, count: chunkCapacity)
        var entries = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: shared.wakeUp.pollDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            entries[0].revents = 0
            entries[1].revents = 0
            do { _ = try Posix.poll(&entries, timeoutMilliseconds: -1) } catch { return .pollFailed(error) }
            if entries[1].revents != 0 { return nil }
            let events = entries[0].revents
            if events & Int16(POLLNVAL) != 0 { return .descriptorClosed }
            if events == 0 { continue }

            // POLLHUP and POLLERR may come with data still queued: read until read says why.
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { bytes in
                    Result { () throws(SystemError) in try Posix.read(descriptor, into: bytes) }
                }.get()
            } catch where error.code == EAGAIN || error.code == EWOULDBLOCK {
                // Nothing queued after all; with a hang-up flagged, polling again would spin.
                if events & Int16(POLLHUP | POLLERR) != 0 { return .hangUp }
                continue
            } catch {
                return .readFailed(error)
            }
            if count == 0 { return .endOfStream }
            let time = HostClock.now()
            handlers.onChunk(ByteChunk(bytes: Array(buffer[..<count]), monotonic: time.monotonic, wall: time.wall))
        }
    }
}
