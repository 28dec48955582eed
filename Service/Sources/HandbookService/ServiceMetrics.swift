import CoreMetrics
import HandbookServer
import Hummingbird
import NIOCore
import Prometheus

/// What `GET /metrics` shows: RED per route (the Phase 5 lesson's
/// ``REDMetrics``, recorded by ``REDMiddleware``) and the outcome of every
/// order saga, in Prometheus's text format.
///
/// One registry per application, passed in, never the global
/// `MetricsSystem.bootstrap`: two applications in one test process (or a
/// test and the server) keep their numbers apart.
public struct ServiceMetrics: Sendable {
    /// `orders_saga_outcomes_total{outcome=…}`: confirmed, adopted (a retry
    /// found the first attempt's order), declined, insufficient_stock,
    /// unavailable (503, nothing charged that is not refunded), failed.
    public static let sagaOutcomes = "orders_saga_outcomes_total"

    public let registry: PrometheusCollectorRegistry
    public let red: REDMetrics
    private let factory: PrometheusMetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        factory = REDMetrics.prometheusFactory(registry: registry)
        red = REDMetrics(factory: factory)
    }

    /// Counts one saga outcome (a bounded set of values: see ``sagaOutcomes``).
    public func sagaOutcome(_ outcome: String) {
        CoreMetrics.Counter(label: Self.sagaOutcomes, dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    /// The route label of a request no route matched: Hummingbird's own
    /// name for it, also used when a middleware answered before routing.
    static let unmatchedRoute = "NotFound"

    /// The scrape: Prometheus text exposition format 0.0.4.
    public var exposition: String { registry.emitToString() }
}

/// Records every request's method, matched route *template* and final
/// status (it sits outside the problem middleware, so errors arrive as
/// their responses). A request no route matched carries Hummingbird's
/// `NotFound` as its route: a scanner probing random paths cannot create
/// new series.
///
/// The duration ends when the response head is ready: for a stream
/// (`GET /events`) that is when it starts, not when it ends.
struct REDMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: REDMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.record(
                method: method, route: context.endpointPath ?? ServiceMetrics.unmatchedRoute,
                status: Int(response.status.code),
                duration: start.duration(to: clock.now))
            return response
        } catch {
            let status: Int
            if let answered = error as? any HTTPResponseError {
                status = Int(answered.status.code)
            } else {
                status = error is CancellationError ? 499 : 500
            }
            metrics.record(
                method: method, route: context.endpointPath ?? ServiceMetrics.unmatchedRoute, status: status,
                duration: start.duration(to: clock.now))
            throw error
        }
    }
}
