import FieldOpsStore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// The FieldOps HTTP application: the device sync endpoints, the dispatcher's endpoints, health and the OpenAPI
/// document, on one database. `fieldops serve` runs it; tests drive it in-process or over loopback.
public func buildApplication(
    database: AppDatabase, configuration: ServerConfiguration, logger: Logger = Logger(label: "fieldops.server")
) -> some ApplicationProtocol {
    let router = Router(context: FieldOpsRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    let solveSlot = SolveSlot()
    router.get("/v1/health") { _, _ in
        try JSONBody.response(Health(status: "ok", optimizing: solveSlot.isBusy))
    }
    router.get("/openapi.json") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: OpenAPIDocument.json)))
    }
    let auth = AuthMiddleware(database: database, clock: configuration.clock)
    let sync = router.group("/v1/sync").add(middleware: auth)
    SyncController(database: database, configuration: configuration).addRoutes(to: sync)
    let dispatch = router.group("/v1/dispatch").add(middleware: auth)
    DispatchController(database: database, configuration: configuration, solveSlot: solveSlot).addRoutes(to: dispatch)
    // A connection that sends nothing for the idle timeout is closed, also in the middle of a request, and a
    // request whose head and body take longer than the read timeout is cut off: half-sent requests cannot pile up.
    let readTimeout = configuration.readTimeoutSeconds
    let http1 = HTTP1Channel.Configuration(
        additionalChannelHandlers: [RequestReadTimeoutHandler(timeout: .seconds(Int64(readTimeout)))],
        idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))
    return Application(
        router: router,
        server: .http1(configuration: http1),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "FieldOps"),
        logger: logger)
}

/// `GET /v1/health`: the server answers, and whether an optimization is running (a dispatcher's optimize is then
/// answered 409).
struct Health: Encodable {
    var status: String
    var optimizing: Bool
}
