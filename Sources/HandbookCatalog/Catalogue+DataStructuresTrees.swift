extension Catalogue {
    static let dataStructureTreeLessons: [Lesson] = [
        Lesson(
            id: "ds.binary-tree",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Binary tree: traversals, height, diameter, LCA, serialization",
            sources: ["Sources/HandbookDataStructures/BinaryTree.swift"],
            tests: ["Tests/HandbookDataStructuresTests/BinaryTreeTests.swift"],
            seedTopics: ["ds: Binary Tree"],
            experiments: [
                Experiment(
                    id: "binary-tree.serialize-without-null-markers",
                    file: "Sources/HandbookDataStructures/BinaryTree.swift",
                    original: "tokens.append(Self.nullMarker)",
                    replacement: "",
                    caughtBy:
                        "HandbookDataStructuresTests.BinaryTreeTests/(serializationRoundTrip|serializationRoundTripsOnRandomTrees)",
                    teaches: """
                        Without a marker for each absent child a preorder string no longer fixes the shape: \
                        the seed tree serializes as "1,2,4,5,3", decoding reads the next value as a child, runs out \
                        of tokens and throws unexpectedEnd, and the round trip on random trees fails the same way.
                        """),
                Experiment(
                    id: "binary-tree.preorder-stack-pushes-left-first",
                    file: "Sources/HandbookDataStructures/BinaryTree.swift",
                    original: """
                        if let right = node.right { stack.append(right) }
                                        if let left = node.left { stack.append(left) }
                        """,
                    replacement: """
                        if let left = node.left { stack.append(left) }
                                        if let right = node.right { stack.append(right) }
                        """,
                    caughtBy:
                        "HandbookDataStructuresTests.BinaryTreeTests/(traversalsOfTheSeedTree|traversalsAgreeOnRandomTrees)",
                    teaches: """
                        A stack is last in, first out: pushing the left child first means the right subtree is \
                        visited first, so the iterative preorder gives [1, 3, 2, 5, 4] instead of \
                        [1, 2, 4, 5, 3] and no longer matches the recursive one.
                        """),
                Experiment(
                    id: "binary-tree.height-by-recursion",
                    file: "Sources/HandbookDataStructures/BinaryTree.swift",
                    original:
                        "Self.foldPostorder(root, empty: -1) { _, left, right in 1 + Swift.max(left, right) }",
                    replacement: "recursiveHeight",
                    caughtBy: "HandbookDataStructuresTests.BinaryTreeTests/deepPathSurvivesEveryOperation",
                    teaches: """
                        The textbook height recurses once per level. The decoder happily builds a 100,000-node path, \
                        and asking that tree for its height then overflows the stack: the test process dies with \
                        SIGSEGV. Every operation must cope with every tree the type can hold.
                        """),
                Experiment(
                    id: "binary-tree.split-by-character",
                    file: "Sources/HandbookDataStructures/BinaryTree.swift",
                    original:
                        "let tokens = text.unicodeScalars.split(separator: \",\", omittingEmptySubsequences: false)",
                    replacement: "let tokens = text.split(separator: \",\", omittingEmptySubsequences: false)",
                    caughtBy: "HandbookDataStructuresTests.BinaryTreeTests/serializationSplitsOnScalars",
                    teaches: """
                        Splitting by Character cannot see a comma that a following combining mark has absorbed: \
                        ",\\u{301}b" is one grapheme, so the tree ["a", "\\u{301}b", …] no longer decodes. Delimiters \
                        live at the scalar (or byte) level.
                        """),
            ]),
        Lesson(
            id: "ds.bst",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Binary search tree: insert, delete's three cases, validation, degeneration",
            sources: ["Sources/HandbookDataStructures/BinarySearchTree.swift"],
            tests: ["Tests/HandbookDataStructuresTests/BinarySearchTreeTests.swift"],
            seedTopics: ["ds: BST"],
            experiments: [
                Experiment(
                    id: "bst.skip-successor-splice",
                    file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
                    original:
                        "if parent === node { parent.right = successor.right } else { parent.left = successor.right }",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.BinarySearchTreeTests/deleteCases",
                    teaches: """
                        Copying the successor's value into the deleted node without unlinking the successor \
                        leaves that value in the tree twice. The debug invariant check at the end of that \
                        same remove() traps with a message like "BinarySearchTree: 40 is not below 40", before any wrong answer can escape.
                        """),
                Experiment(
                    id: "bst.left-child-bounded-by-parent-only",
                    file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
                    original: "if let left = node.left { pending.append((left, lower, node.value)) }",
                    replacement: "if let left = node.left { pending.append((left, nil, node.value)) }",
                    caughtBy: "HandbookDataStructuresTests.BinarySearchTreeTests/(validation|deepChainValidation)",
                    teaches: """
                        Bounding a left child only by its parent accepts a 4 in the right subtree of 5, because \
                        4 < 7 locally. The order is a promise about all ancestors, which is why the correct check \
                        hands every inherited bound down.
                        """),
                Experiment(
                    id: "bst.nodes-free-recursively",
                    file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
                    original: "deinit { detachDescendantsIteratively() }",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.BinarySearchTreeTests/deepChainSurvivesEveryOperation",
                    teaches: """
                        Without the iterative deinit, ARC frees a node by releasing its children from inside the \
                        node's own destruction, one stack frame per level: the 100,000-node chain that sorted inserts \
                        build crashes the process when it is dropped, even though every method on it is a loop.
                        """),
            ]),
    ]
}
