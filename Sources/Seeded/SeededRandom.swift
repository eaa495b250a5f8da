/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every
/// machine and Swift version, which `SystemRandomNumberGenerator` would not. The benchmark's corpus
/// and every randomized test (fuzzing, property tests, kill moments) use it, so a seed replays a run.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 for a bound below 1), by plain modulo: cheap, and stable for replays.
    public mutating func next(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// Several distinct items, in the order drawn.
    public mutating func pick<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        var result: [T] = []
        for _ in 0..<min(count, items.count) {
            let i = Int.random(in: 0..<indices.count, using: &self)
            result.append(items[indices.remove(at: i)])
        }
        return result
    }
}
