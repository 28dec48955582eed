/// Values where `Int` arithmetic breaks: the two ends of the range, their
/// neighbours, halves (two of them sum to the edge), and a few small numbers
/// so that many random inputs still have an answer that fits.
///
/// Property tests draw from this list to check the Phase 4 audit's promise:
/// no trap on an input whose answer fits in `Int`.
public let extremeIntegers: [Int] = [
    .min, .min + 1, .min / 2, .min / 2 - 1, -2, -1, 0, 1, 2, 3, .max / 2, .max / 2 + 1, .max - 1, .max,
]

/// The positive subset of ``extremeIntegers``, for algorithms whose contract
/// requires positive elements.
public let extremePositiveIntegers: [Int] = extremeIntegers.filter { $0 > 0 }

/// The exact sum of `values`: `Int128` cannot overflow on fewer than 2⁶³
/// `Int`s, so an oracle can compare it with any `Int` answer.
public func exactSum(_ values: some Sequence<Int>) -> Int128 {
    values.reduce(0) { $0 + Int128($1) }
}
