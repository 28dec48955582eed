import HandbookServer
import HandbookServerTestSupport
import Prometheus
import Synchronization
import Testing

/// Every test records into its own `PrometheusCollectorRegistry` and reads
/// the text a scrape returns: the exposition is the contract with Prometheus.
@Suite("RED metrics", .timeLimit(.minutes(1)))
struct REDMetricsTests {
    /// One sample line of the exposition: `name{labels} value`.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Parses the sample lines (not `# TYPE`/`# HELP`) of a scrape.
    static func samples(_ text: String) -> [Sample] {
        text.split(separator: "\n").compactMap { line -> Sample? in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "),
                let value = Double(line[line.index(after: space)...])
            else { return nil }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                return Sample(name: String(series), labels: [:], value: value)
            }
            var labels: [String: String] = [:]
            for pair in series[series.index(after: brace)..<series.index(before: series.endIndex)]
                .split(separator: ",")
            {
                let parts = pair.split(separator: "=", maxSplits: 1)
                labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
            }
            return Sample(name: String(series[..<brace]), labels: labels, value: value)
        }
    }

    struct Scraped {
        let registry = PrometheusCollectorRegistry()
        var metrics: REDMetrics { REDMetrics(factory: REDMetrics.prometheusFactory(registry: registry)) }
        var text: String { registry.emitToString() }
        func value(_ name: String, _ labels: [String: String]) -> Double? {
            REDMetricsTests.samples(text).first { $0.name == name && $0.labels == labels }?.value
        }
        func series(_ name: String) -> [Sample] { REDMetricsTests.samples(text).filter { $0.name == name } }
    }

    @Test("requests are counted by method, route template and status")
    func rateByRouteMethodAndStatus() {
        let scrape = Scraped()
        for _ in 0..<3 { scrape.metrics.record(method: "GET", route: "/orders", status: 200, duration: .zero) }
        scrape.metrics.record(method: "POST", route: "/orders", status: 201, duration: .zero)
        let total = REDMetrics.requestsTotal
        #expect(scrape.value(total, ["method": "GET", "route": "/orders", "status": "200"]) == 3)
        #expect(scrape.value(total, ["method": "POST", "route": "/orders", "status": "201"]) == 1)
        #expect(scrape.text.contains("# TYPE \(total) counter"))
    }

    @Test("5xx are errors; 4xx are the client's and are not", arguments: [200, 201, 404, 422, 499, 500, 503])
    func onlyServerFailuresAreErrors(status: Int) {
        let scrape = Scraped()
        scrape.metrics.record(method: "GET", route: "/orders/{id}", status: status, duration: .zero)
        let errors = scrape.value(REDMetrics.errorsTotal, ["method": "GET", "route": "/orders/{id}"]) ?? 0
        #expect(errors == (status >= 500 ? 1 : 0))
    }

    @Test("durations land in histogram buckets, in seconds, with sum and count")
    func durationHistogram() {
        let scrape = Scraped()
        scrape.metrics.record(method: "GET", route: "/orders", status: 200, duration: .milliseconds(30))
        scrape.metrics.record(method: "GET", route: "/orders", status: 200, duration: .milliseconds(120))
        let labels = ["method": "GET", "route": "/orders"]
        let bucket = { (le: String) in scrape.value("\(REDMetrics.duration)_bucket", labels.merging(["le": le]) { $1 })
        }
        #expect(bucket("0.025") == 0)
        #expect(bucket("0.05") == 1)
        #expect(bucket("0.1") == 1)
        #expect(bucket("0.15") == 2)
        #expect(bucket("+Inf") == 2)
        #expect(scrape.value("\(REDMetrics.duration)_count", labels) == 2)
        let sum = scrape.value("\(REDMetrics.duration)_sum", labels) ?? 0
        #expect(abs(sum - 0.15) < 1e-9)
        #expect(scrape.text.contains("# TYPE \(REDMetrics.duration) histogram"))
    }

    struct StoreUnavailable: Error {}

    @Test("a handler that throws is counted as a 500 error and timed, and the error still reaches the caller")
    func thrownErrorsAreRecorded() async {
        let scrape = Scraped()
        await #expect(throws: StoreUnavailable.self) {
            let _: Int = try await scrape.metrics.observe(method: "GET", route: "/orders") { throw StoreUnavailable() }
        }
        let labels = ["method": "GET", "route": "/orders"]
        #expect(scrape.value(REDMetrics.requestsTotal, labels.merging(["status": "500"]) { $1 }) == 1)
        #expect(scrape.value(REDMetrics.errorsTotal, labels) == 1)
        #expect(scrape.value("\(REDMetrics.duration)_count", labels) == 1)
    }

    @Test("the in-flight gauge counts a request while it runs and drops when it ends")
    func inFlightGauge() async throws {
        let scrape = Scraped()
        let started = AsyncLatch()
        let release = AsyncLatch()
        let inFlight = { scrape.value(REDMetrics.inFlight, ["route": "/slow"]) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let status: Int = try await scrape.metrics.observe(method: "GET", route: "/slow") {
                    started.open()
                    await release.wait()
                    return (200, status: 200)
                }
                #expect(status == 200)
            }
            await started.wait()
            #expect(inFlight() == 1)
            release.open()
            try await group.waitForAll()
        }
        #expect(inFlight() == 0)
    }

    @Test("a cancelled request is the client leaving: counted as 499, not as a server error")
    func cancellationIsNotAnError() async {
        let scrape = Scraped()
        await #expect(throws: CancellationError.self) {
            let _: Int = try await scrape.metrics.observe(method: "GET", route: "/orders") { throw CancellationError() }
        }
        let labels = ["method": "GET", "route": "/orders"]
        #expect(scrape.value(REDMetrics.requestsTotal, labels.merging(["status": "499"]) { $1 }) == 1)
        #expect(scrape.value(REDMetrics.errorsTotal, labels) == nil)
    }

    @Test("a negative or absurd duration is clamped, and the scrape still renders")
    func durationsAreClamped() {
        let scrape = Scraped()
        scrape.metrics.record(method: "GET", route: "/orders", status: 200, duration: .milliseconds(-5))
        scrape.metrics.record(method: "GET", route: "/orders", status: 200, duration: .seconds(Int64.max))
        let labels = ["method": "GET", "route": "/orders"]
        #expect(scrape.value("\(REDMetrics.duration)_count", labels) == 2)
        // The negative one counts as 0 s: it lands in the first bucket, not below it.
        #expect(scrape.value("\(REDMetrics.duration)_bucket", labels.merging(["le": "0.005"]) { $1 }) == 1)
        let sum = scrape.value("\(REDMetrics.duration)_sum", labels) ?? -1
        #expect(sum > 9e9, "the huge one saturates at Int64.max nanoseconds (about 292 years)")
    }

    @Test("labelled by route template, a thousand orders are one series, not a thousand")
    func routeTemplatesBoundCardinality() {
        let scrape = Scraped()
        for _ in 1...1_000 { scrape.metrics.record(method: "GET", route: "/orders/{id}", status: 200, duration: .zero) }
        let series = scrape.series(REDMetrics.requestsTotal)
        #expect(series.count == 1)
        #expect(series.first?.value == 1_000)
    }
}
