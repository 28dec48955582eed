extension Catalogue {
    static let systemDesignPagingLessons: [Lesson] = [
        Lesson(
            id: "system-design.cursor-signing",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Tamper-evident tokens: SHA-256, HMAC-SHA256, constant-time compare and base64url from scratch",
            sources: ["Sources/HandbookSystemDesign/CursorSigning.swift"],
            tests: ["Tests/HandbookSystemDesignTests/CursorSigningTests.swift"],
            experiments: [
                Experiment(
                    id: "cursor-signing.drop-round-constants",
                    file: "Sources/HandbookSystemDesign/CursorSigning.swift",
                    original: "choose &+ Self.roundConstants[i] &+ schedule[i]",
                    replacement: "choose &+ schedule[i]",
                    caughtBy: "HandbookSystemDesignTests.CursorSigningTests/(sha256KnownVectors|hmacRFC4231)",
                    teaches: """
                        Without the 64 round constants the function still mixes bits and still returns 32 \
                        plausible-looking bytes, but it is no longer SHA-256: every FIPS vector and every RFC 4231 \
                        tag differs. Known-answer vectors are the only way to test a hash.
                        """),
                Experiment(
                    id: "cursor-signing.truncate-long-key",
                    file: "Sources/HandbookSystemDesign/CursorSigning.swift",
                    original: "key.count > blockSize ? SHA256.hash(key) : Array(key)",
                    replacement: "Array(key.prefix(blockSize))",
                    caughtBy: "HandbookSystemDesignTests.CursorSigningTests/hmacRFC4231",
                    teaches: """
                        RFC 2104 hashes a key longer than the 64-byte block; truncating it instead still gives a \
                        stable tag, so round-trip tests pass, but RFC 4231 cases 6 and 7 (a 131-byte key) fail, and \
                        every key sharing the first 64 bytes would sign identically.
                        """),
                Experiment(
                    id: "cursor-signing.compare-only-last-byte",
                    file: "Sources/HandbookSystemDesign/CursorSigning.swift",
                    original: "difference |= left ^ right",
                    replacement: "difference = left ^ right",
                    caughtBy: "HandbookSystemDesignTests.CursorSigningTests/constantTimeEqualsIsCorrect",
                    teaches: """
                        Assigning instead of OR-ing keeps only the last byte's difference: the loop still reads \
                        every byte, so it looks constant-time, but it accepts any tag whose last byte is right: \
                        one forged byte in 256 tries. The test flips one byte at a time and sees every difference \
                        except the last one accepted.
                        """),
                Experiment(
                    id: "cursor-signing.accept-non-canonical-base64",
                    file: "Sources/HandbookSystemDesign/CursorSigning.swift",
                    original:
                        "guard value & (0xff_ffff >> (8 * byteCount)) == 0 else { return nil }  // non-canonical trailing bits",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.CursorSigningTests/(everyOneBitFlipIsRejected|base64URLRejectsNonCanonicalInput)",
                    teaches: """
                        The last character of a 32-byte tag carries 4 data bits and 2 unused ones. A lenient decoder \
                        ignores the unused bits, so flipping one of them yields a different token that still \
                        verifies: the bytes are authentic, the string is not unique.
                        """),
            ]),
        Lesson(
            id: "system-design.pagination",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Pagination: offset vs keyset, signed opaque cursors, an auto-paginating AsyncSequence",
            sources: ["Sources/HandbookSystemDesign/Pagination.swift"],
            tests: ["Tests/HandbookSystemDesignTests/PaginationTests.swift"],
            seedTopics: ["system_design: Pagination"],
            experiments: [
                Experiment(
                    id: "pagination.cursor-includes-last-item",
                    file: "Sources/HandbookSystemDesign/Pagination.swift",
                    original: "if key(sorted[middle]) > after {",
                    replacement: "if key(sorted[middle]) >= after {",
                    caughtBy:
                        "HandbookSystemDesignTests.PaginationTests/(keysetPagesFollowTheCursor|keysetYieldsEveryRowExactlyOnce)",
                    teaches: """
                        `>=` makes each page start at the row the previous page ended with: page two of a, b, c, d \
                        is [b, c], and the property test sees every boundary row twice. Keyset means strictly after.
                        """),
                Experiment(
                    id: "pagination.drop-id-tie-breaker",
                    file: "Sources/HandbookSystemDesign/Pagination.swift",
                    original: "if key(sorted[middle]) > after {",
                    replacement: "if key(sorted[middle]).0 > after.0 {",
                    caughtBy:
                        "HandbookSystemDesignTests.PaginationTests/(tiesOnTheSortKeyAreBrokenByID|keysetYieldsEveryRowExactlyOnce)",
                    teaches: """
                        Comparing only created_at jumps past every row that shares the cursor's timestamp: five \
                        orders created in the same second come back as a page of two and then nothing. SQL needs \
                        the row value `(created_at, id) > ($1, $2)` for the same reason.
                        """),
                Experiment(
                    id: "pagination.offset-off-by-one-page",
                    file: "Sources/HandbookSystemDesign/Pagination.swift",
                    original: "(page - 1).multipliedReportingOverflow(by: pageSize)",
                    replacement: "page.multipliedReportingOverflow(by: pageSize)",
                    caughtBy: "HandbookSystemDesignTests.PaginationTests/offsetPagesLikeTheGoSeed",
                    teaches: """
                        Pages are 1-based in URLs but offsets are 0-based: forgetting the `- 1` makes page 1 show \
                        items 4…6 and the first page becomes unreachable.
                        """),
            ]),
    ]
}
