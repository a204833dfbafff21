#if canImport(Glibc)
import Glibc
#endif

/// Keeps a long push's resident memory near one part per upload.
///
/// glibc serves large allocations with `mmap` only below a threshold it raises each time such a block is
/// freed; after the first few layer parts, every part buffer (the part, its base64 text, the request body)
/// comes from the heap and stays resident after it is freed. A fixed threshold hands each buffer back to
/// the system when it is freed: measured on a 100 MiB push, peak RSS 95 MiB → 54 MiB for ~0.2 s more
/// system time. Other C libraries return large blocks already; nothing to do there.
enum MemoryTuning {
    static let largeAllocationThreshold: Int32 = 256 << 10
    /// `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`, which the Glibc module does not import.
    private static let mmapThresholdParameter: Int32 = -3

    static func returnLargeBuffersToTheSystem() {
        #if canImport(Glibc)
        // Looked up rather than linked: `mallopt` is glibc's alone, and `<malloc.h>` is not in the module.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThresholdParameter, largeAllocationThreshold)
        #endif
    }
}
