import CoreMetrics
import Prometheus

/// The RED method with swift-metrics, exposed in Prometheus's text format:
/// per route, the **R**ate of requests, the **E**rrors among them, and the
/// **D**uration distribution — plus the requests in flight.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// let metrics = REDMetrics(factory: REDMetrics.prometheusFactory(registry: registry))
/// let order = try await metrics.observe(method: "GET", route: "/orders/{id}") {
///     (try await store.order(id), status: 200)
/// }
/// registry.emitToString()   // GET /metrics: what Prometheus scrapes
/// ```
///
/// ## Why interviewers ask this
/// "How would you know your service is slow or failing before users tell
/// you?" The expected answer names what to measure (RED for request-driven
/// services: rate, errors, duration per route; USE for resources), how
/// (counters and histograms, scraped), and what goes wrong: label
/// cardinality, averages that hide the tail, and 4xx counted as server
/// errors. swift-metrics is the API libraries record against; the backend
/// (Prometheus here) is the application's choice, as with swift-log.
///
/// ## Common pitfalls
/// - The raw path as a label (`/orders/8412`): one time series per order,
///   until Prometheus runs out of memory. Label with the route *template*
///   (`/orders/{id}`); keep every label's set of values small and bounded.
/// - Counting 4xx as errors. A 404 or 422 is the client's mistake and your
///   service working; the error rate that pages someone is 5xx (and thrown
///   errors, which become 500s).
/// - Averages for latency. A mean hides the slow 1 %: record a histogram
///   and read quantiles (`histogram_quantile(0.99, …)`), with buckets
///   around your latency objective.
/// - Forgetting requests that throw. Record on every exit so the failure is
///   counted and timed too, then rethrow. A *cancelled* request is the
///   client leaving, not the server failing: count it apart (499 here).
/// - Calling `MetricsSystem.bootstrap` in a library or a test: it traps the
///   second time. Pass a factory (`Counter(label:dimensions:factory:)`), as
///   here, or bootstrap once in `main`.
///
/// ## Key takeaway
/// One counter labelled by method, route template and status gives rate and
/// errors; one histogram per route gives the latency distribution; a gauge
/// of in-flight requests shows saturation. Bounded labels, 5xx as errors,
/// and every outcome recorded, including thrown ones.
///
/// ## Go → Swift
/// Go services use `prometheus/client_golang` directly (`promauto.NewCounterVec`,
/// `promhttp.Handler()`). Swift splits the API from the backend, like
/// `log/slog` does for logs: code records with swift-metrics, and
/// swift-prometheus (or OpenTelemetry) is plugged in by the application.
public struct REDMetrics: Sendable {
    /// Metric names, as Prometheus shows them.
    public static let requestsTotal = "http_requests_total"
    public static let errorsTotal = "http_request_errors_total"
    public static let duration = "http_request_duration_seconds"
    public static let inFlight = "http_requests_in_flight"

    /// Latency buckets for the duration histogram: dense around a 100 ms
    /// objective, so p50, p95 and p99 near it are read with little error.
    public static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(75),
        .milliseconds(100), .milliseconds(150), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5),
    ]

    private let factory: any MetricsFactory

    /// - Parameter factory: where the metrics go (a Prometheus registry in
    ///   the service, a test factory in tests); never the global bootstrap.
    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// A swift-prometheus factory on `registry`, with ``durationBuckets``
    /// for the duration histogram.
    public static func prometheusFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[duration] = durationBuckets
        return factory
    }

    /// Whether a response counts as an error in RED: the server's failures
    /// (5xx), not the client's (4xx).
    public static func isError(status: Int) -> Bool { status >= 500 }

    /// Records one finished request.
    /// - Parameter route: the route *template* (`/orders/{id}`), never the
    ///   raw path: every distinct value is a new time series.
    public func record(method: String, route: String, status: Int, duration elapsed: Duration) {
        let labels = [("method", method), ("route", route)]
        CoreMetrics.Counter(label: Self.requestsTotal, dimensions: labels + [("status", "\(status)")], factory: factory)
            .increment()
        if Self.isError(status: status) {
            CoreMetrics.Counter(label: Self.errorsTotal, dimensions: labels, factory: factory).increment()
        }
        CoreMetrics.Timer(label: Self.duration, dimensions: labels, factory: factory)
            .recordNanoseconds(Self.nanoseconds(elapsed))
    }

    /// `duration` in whole nanoseconds, clamped to `0...Int64.max`: a
    /// negative duration (a clock that went backwards) would corrupt the
    /// histogram's sum, and one over 292 years would overflow.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (total, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowAgain ? .max : total
    }

    /// Runs `handler` for one request, counting it in flight while it runs,
    /// and records its outcome: the status it returns, 499 if it was
    /// cancelled (the client left), or 500 if it throws anything else. The
    /// error is then rethrown.
    public func observe<Value, C: Clock<Duration>>(
        method: String, route: String, clock: C = ContinuousClock(),
        _ handler: () async throws -> (Value, status: Int)
    ) async throws -> Value {
        let inFlight = CoreMetrics.Meter(label: Self.inFlight, dimensions: [("route", route)], factory: factory)
        inFlight.increment()
        let start = clock.now
        do {
            let (value, status) = try await handler()
            inFlight.decrement()
            record(method: method, route: route, status: status, duration: start.duration(to: clock.now))
            return value
        } catch is CancellationError {
            // The client went away (or the server is shutting down): not the
            // server failing. 499 is nginx's "client closed request".
            inFlight.decrement()
            record(method: method, route: route, status: 499, duration: start.duration(to: clock.now))
            throw CancellationError()
        } catch {
            inFlight.decrement()
            record(method: method, route: route, status: 500, duration: start.duration(to: clock.now))
            throw error
        }
    }
}
