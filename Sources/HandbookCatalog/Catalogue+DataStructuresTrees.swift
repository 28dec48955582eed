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
                    caughtBy: "HandbookDataStructuresTests.BinaryTreeTests/serializationRoundTrip",
                    teaches: """
                        Without a marker for each absent child a preorder string no longer fixes the shape: \
                        decoding reads the next value as a child, runs out of tokens and throws, so the \
                        round trip on random trees fails.
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
                    id: "bst.validate-children-only",
                    file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
                    original: "return isWithinBounds(root, above: nil, below: nil)",
                    replacement: "return isValidCheckingOnlyChildren",
                    caughtBy: "HandbookDataStructuresTests.BinarySearchTreeTests/validation",
                    teaches: """
                        Comparing each node only with its children accepts a 4 in the right subtree of 5, \
                        because 4 < 7 locally. The order is a promise about all ancestors, which is why the \
                        correct check passes bounds down the recursion.
                        """),
            ]),
    ]
}
