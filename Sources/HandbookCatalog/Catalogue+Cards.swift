extension Catalogue {
    /// Review cards, in learning-path order: at least three per lesson, one
    /// for each of the seed's interview questions and checklist items. Each
    /// names the test that proves its answer.
    public static let cards: [ReviewCard] =
        foundationCards + concurrencyCards + runtimeCards + systemDesignCards + fundamentalsCards
        + productionCards + serverCards
}
