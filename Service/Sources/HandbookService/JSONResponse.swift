import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// JSON bodies with sorted keys, so a replayed response is byte-identical
/// and tests can compare bodies.
enum JSONBody {
    /// One encoder for every response: its configuration never changes
    /// after this line, and `encode` is safe to call concurrently.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func encode(_ value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }

    /// Refuses a body labelled as something other than JSON with a 415
    /// (`application/json`, any parameters, any case). A body without a
    /// `Content-Type` is read as JSON (RFC 9110 lets a server examine the
    /// data when the type is absent), as swift-openapi-generator's servers do;
    /// unlike them, a wildcard such as `*/*` is 415 here.
    /// Checked before the body is read, so a form or a file is never parsed.
    static func requireJSONContentType(_ headers: HTTPFields) throws {
        guard let value = headers[.contentType] else { return }
        let mediaType = value.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw Problem(
                type: "/problems/unsupported-media-type", title: "Unsupported media type",
                status: .unsupportedMediaType, detail: "the body must be application/json, not \(value)")
        }
    }

    /// Decodes a request body already collected within the size limit.
    /// - Throws: a 400 ``Problem`` naming what was wrong with the JSON.
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem.badRequest("malformed JSON", errors: [.init(field: key.stringValue, message: "is required")])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem.badRequest("malformed JSON", errors: [.init(field: field, message: "has the wrong type")])
        } catch {
            throw Problem.badRequest("malformed JSON: the body is not a JSON object of the expected shape")
        }
    }
}

/// A page of orders; `nextCursor` is `null` on the last page (spelled out,
/// so clients need not tell "absent" from "null").
struct OrderPage: Encodable {
    var items: [Order]
    var nextCursor: String?

    enum CodingKeys: CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
