import Foundation

/// Codable edge cases: what synthesized `Codable` does with renamed, excluded,
/// missing, optional, unknown and out-of-range values, and how to take control.
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.outputFormatting = .sortedKeys
/// let user = CodableEdgeCases.Account(publicField: "x", nickname: nil)
/// String(decoding: try encoder.encode(user), as: UTF8.self)
/// // {"public_field":"x"}: renamed by CodingKeys, nil omitted, cache excluded
/// ```
///
/// ## Why interviewers ask this
/// Every backend decodes untrusted JSON. The interviewer wants to hear that
/// you know where decoding fails (a missing key, an enum case the client
/// added yesterday, a number that does not fit), what the error tells you
/// (`codingPath`), and how to make a schema tolerant on purpose (defaults in
/// `init(from:)`, a fallback enum case) instead of by accident.
///
/// ## Common pitfalls
/// - Expecting a property's default value (`var pageSize = 20`) to fill a
///   missing key. The synthesized `init(from:)` ignores it and throws
///   `keyNotFound`; write `init(from:)` with `decodeIfPresent(_:forKey:) ?? 20`.
/// - Adding a case to an API's enum: old clients with a `String` raw-value
///   enum reject the whole payload with `dataCorrupted`. Decode a fallback case.
/// - `.convertFromSnakeCase` turns `user_id` into `userId`, never `userID`:
///   a property named `userID` is "not found".
/// - A hand-written `encode(to:)` that calls `encode` for an optional writes
///   `null`; the synthesized one calls `encodeIfPresent` and omits the key.
/// - Assuming `JSONEncoder` output is stable: without `.sortedKeys` key order
///   is unspecified, which breaks golden tests, signatures and caches.
/// - Relying on the default date strategy: it writes seconds since
///   **2001-01-01** (`-978307200` for the Unix epoch), which no other
///   language expects. Pick `.iso8601` or `.secondsSince1970` explicitly.
///
/// ## Key takeaway
/// Synthesized `Codable` is strict: every non-optional key must be present
/// and valid, and the error's `codingPath` says where it was not. Optionals
/// are the only built-in leniency (absent on decode, omitted on encode).
/// Anything else tolerant (defaults, unknown cases) is a custom `init(from:)`.
///
/// ## Go → Swift
/// Go's struct tags become `CodingKeys` (`json:"public_field"` is
/// `case publicField = "public_field"`, `json:"-"` is leaving the case out).
/// Go's `omitempty` is the default for Swift optionals. Go's `encoding/json`
/// silently zero-fills missing fields and ignores unknown ones; Swift throws
/// for missing fields (unknown *keys* are ignored in both). Go returns an
/// `UnmarshalTypeError` for a number that overflows `int64`; Swift throws
/// `DecodingError.dataCorrupted`.
public enum CodableEdgeCases {
    // MARK: CodingKeys: Go's struct tags

    /// Go: `PublicField string \`json:"public_field"\``,
    /// `Nickname *string \`json:"nickname,omitempty"\``,
    /// `cachedScore int \`json:"-"\``.
    public struct Account: Codable, Equatable, Sendable {
        public var publicField: String
        /// Omitted from the JSON when nil, like Go's `omitempty`.
        public var nickname: String?
        /// Never encoded or decoded: it has no `CodingKeys` case, so it
        /// needs a default value for the synthesized `init(from:)`.
        public var cachedScore = 0

        enum CodingKeys: String, CodingKey {
            case publicField = "public_field"
            case nickname
        }

        public init(publicField: String, nickname: String? = nil, cachedScore: Int = 0) {
            self.publicField = publicField
            self.nickname = nickname
            self.cachedScore = cachedScore
        }
    }

    /// The pitfall: a hand-written `encode(to:)` that uses `encode` for an
    /// optional writes an explicit `null` instead of omitting the key.
    public struct AccountWithExplicitNull: Encodable, Sendable {
        public var publicField: String
        public var nickname: String?

        enum CodingKeys: String, CodingKey {
            case publicField = "public_field"
            case nickname
        }

        public init(publicField: String, nickname: String? = nil) {
            self.publicField = publicField
            self.nickname = nickname
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(publicField, forKey: .publicField)
            try container.encode(nickname, forKey: .nickname)
        }
    }

    /// A payload that nests an account under `"user"`, so errors carry a
    /// `codingPath`.
    public struct Envelope: Codable, Equatable, Sendable {
        public var user: Account

        public init(user: Account) {
            self.user = user
        }
    }

    // MARK: Unknown enum cases

    /// Strict: any raw value other than these two fails the whole decode.
    public enum Role: String, Codable, Sendable {
        case admin
        case member
    }

    /// A member with a strict role.
    public struct Member: Codable, Equatable, Sendable {
        public var role: Role
    }

    /// Tolerant: unknown raw values decode as `.unknown(raw)`, so a server
    /// can add a role without breaking old clients.
    public enum TolerantRole: Codable, Equatable, Sendable {
        case admin
        case member
        case unknown(String)

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            switch raw {
            case "admin": self = .admin
            case "member": self = .member
            default: self = .unknown(raw)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .admin: try container.encode("admin")
            case .member: try container.encode("member")
            case .unknown(let raw): try container.encode(raw)
            }
        }
    }

    /// A member with a tolerant role.
    public struct TolerantMember: Codable, Equatable, Sendable {
        public var role: TolerantRole
    }

    // MARK: Numbers

    /// An `Int` field: 2⁶³ does not fit and throws.
    public struct Counter: Codable, Equatable, Sendable {
        public var value: Int
    }

    /// The same field as `UInt64`: 2⁶³ fits.
    public struct UnsignedCounter: Codable, Equatable, Sendable {
        public var value: UInt64
    }

    // MARK: Key strategies

    /// Decoded with `.convertFromSnakeCase`: `first_name` → `firstName`,
    /// `user_id` → `userId`.
    public struct Profile: Codable, Equatable, Sendable {
        public var firstName: String
        public var userId: Int
    }

    /// The pitfall: `.convertFromSnakeCase` produces `userId`, so `userID`
    /// is never found.
    public struct ProfileWithAcronym: Codable, Equatable, Sendable {
        public var firstName: String
        public var userID: Int
    }

    /// A decoder configured for snake_case JSON.
    public static func snakeCaseDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    // MARK: Defaults for missing keys

    /// The pitfall: property defaults are ignored by the synthesized
    /// `init(from:)`, so `{}` throws `keyNotFound` for `pageSize`.
    public struct NaiveSettings: Codable, Equatable, Sendable {
        public var pageSize = 20
        public var verbose = false
    }

    /// The fix: a custom `init(from:)` with `decodeIfPresent ?? default`.
    public struct Settings: Codable, Equatable, Sendable {
        public static let defaultPageSize = 20

        public var pageSize: Int
        public var verbose: Bool

        enum CodingKeys: String, CodingKey {
            case pageSize
            case verbose
        }

        public init(pageSize: Int = Settings.defaultPageSize, verbose: Bool = false) {
            self.pageSize = pageSize
            self.verbose = verbose
        }

        /// - Throws: `DecodingError.typeMismatch` when a key is present with
        ///   the wrong type: a default covers absence, never bad data.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize) ?? Settings.defaultPageSize
            verbose = try container.decodeIfPresent(Bool.self, forKey: .verbose) ?? false
        }
    }

    // MARK: Dates and deterministic output

    /// An event with a timestamp.
    public struct Event: Codable, Equatable, Sendable {
        public var name: String
        public var at: Date

        public init(name: String, at: Date) {
            self.name = name
            self.at = at
        }
    }

    /// An encoder whose output is byte-for-byte reproducible: sorted keys,
    /// ISO 8601 dates.
    public static func deterministicEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Encodes `value` to a UTF-8 string with `encoder`.
    /// - Throws: `EncodingError` if `value` cannot be encoded.
    public static func jsonString(_ value: some Encodable, using encoder: JSONEncoder = deterministicEncoder())
        throws -> String
    {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
