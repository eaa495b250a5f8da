import Foundation

/// Values a build makes on demand, from any thread, by key, and that a session's next build may
/// start from without those it can no longer trust (`carried(dropping:)`). What the reports make of
/// a site is kept this way (`ReportCache`).
final class KeptValues<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value]

    init(_ values: [Key: Value] = [:]) { self.values = values }

    subscript(key: Key) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return values[key] }
        set { lock.lock(); values[key] = newValue; lock.unlock() }
    }

    /// A copy without the values whose keys `drop` names.
    func carried(dropping drop: (Key) -> Bool) -> KeptValues {
        lock.lock()
        defer { lock.unlock() }
        return KeptValues(values.filter { !drop($0.key) })
    }
}
