import Foundation

/// Fixed-size slots that concurrent workers fill by index, each slot written once.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
