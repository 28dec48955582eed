// Phase 4 data structures against the types a Swift team would reach for:
// swift-collections' `Heap` and `Deque`, and the standard library's `Dictionary`.
// Names read "<operation> · <implementation>" so each pair sorts together.
import Benchmark
import DequeModule
import HandbookBenchmarkSupport
import HandbookDataStructures
import HeapModule

let heapInput = BenchmarkInput.randomInts(100_000)
/// The sizes of the time-against-n charts (`./compare --charts`), 1k to 1M.
let sizes: [(label: String, count: Int)] = [("1k", 1_000), ("10k", 10_000), ("100k", 100_000), ("1M", 1_000_000)]
let mapKeys = Dictionary(uniqueKeysWithValues: sizes.map { ($0.count, BenchmarkInput.randomInts($0.count)) })
/// 100k LRU operations over 16k distinct keys with room for 8k: about half hit.
let lruKeys = BenchmarkInput.randomInts(100_000, below: 16_384, seed: 7)
let lruCapacity = 8_192

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults()

    // MARK: BinaryHeap vs swift-collections Heap (BinaryHeap.swift)

    Benchmark("BinaryHeap insert+pop 100k · ours") { _ in
        var heap = BinaryHeap<Int>()
        for value in heapInput { heap.insert(value) }
        while let value = heap.popMin() { blackHole(value) }
    }

    Benchmark("BinaryHeap insert+pop 100k · swift-collections Heap") { _ in
        var heap = Heap<Int>()
        for value in heapInput { heap.insert(value) }
        while let value = heap.popMin() { blackHole(value) }
    }

    // MARK: RingBufferQueue and FastRingBufferQueue vs Deque (RingBufferQueue.swift)

    for (label, count) in sizes {
        Benchmark("Queue enqueue+dequeue \(label) · ours RingBufferQueue") { _ in
            var queue = RingBufferQueue<Int>()
            for value in 0..<count { queue.enqueue(value) }
            while let value = queue.dequeue() { blackHole(value) }
        }

        Benchmark("Queue enqueue+dequeue \(label) · ours FastRingBufferQueue") { _ in
            var queue = FastRingBufferQueue<Int>()
            for value in 0..<count { queue.append(value) }
            while let value = queue.popFirst() { blackHole(value) }
        }

        Benchmark("Queue enqueue+dequeue \(label) · swift-collections Deque") { _ in
            var queue = Deque<Int>()
            for value in 0..<count { queue.append(value) }
            while let value = queue.popFirst() { blackHole(value) }
        }
    }

    // MARK: ChainedHashMap and OpenAddressingHashMap vs Dictionary

    for (label, count) in sizes {
        let keys = mapKeys[count]!
        Benchmark("HashMap insert+lookup \(label) · ours ChainedHashMap") { _ in
            var map = ChainedHashMap<Int, Int>()
            for key in keys { map[key] = key }
            for key in keys { blackHole(map[key]) }
        }

        Benchmark("HashMap insert+lookup \(label) · ours OpenAddressingHashMap") { _ in
            var map = OpenAddressingHashMap<Int, Int>()
            for key in keys { map[key] = key }
            for key in keys { blackHole(map[key]) }
        }

        Benchmark("HashMap insert+lookup \(label) · stdlib Dictionary") { _ in
            var map: [Int: Int] = [:]
            for key in keys { map[key] = key }
            for key in keys { blackHole(map[key]) }
        }
    }

    // MARK: LRUCache and ArenaLRUCache vs a bare Dictionary (LRUCache.swift)

    Benchmark("LRU get+put 100k · ours LRUCache") { _ in
        let cache = LRUCache<Int, Int>(capacity: lruCapacity)
        for key in lruKeys where cache.value(forKey: key) == nil {
            blackHole(cache.setValue(key, forKey: key))
        }
    }

    Benchmark("LRU get+put 100k · ours ArenaLRUCache (index-linked slots)") { _ in
        var cache = ArenaLRUCache<Int, Int>(capacity: lruCapacity)
        for key in lruKeys where cache.value(forKey: key) == nil {
            blackHole(cache.setValue(key, forKey: key))
        }
        blackHole(cache.count)
    }

    Benchmark("LRU get+put 100k · stdlib Dictionary (no eviction)") { _ in
        var map: [Int: Int] = [:]
        for key in lruKeys where map[key] == nil {
            map[key] = key
        }
        blackHole(map)
    }
}
