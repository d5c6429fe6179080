import CAllocationCounter

/// Heap allocations made while `work` ran, counted by the interposed allocator.
func allocations(during work: () -> Double, sink: inout Double) -> UInt {
    let before = glute_allocation_count()
    sink += work()
    return glute_allocation_count() - before
}

/// One row of the allocations table.
struct AllocationRow {
    let name: String
    let count: UInt
    let perUnit: Double
    let unit: String
}
