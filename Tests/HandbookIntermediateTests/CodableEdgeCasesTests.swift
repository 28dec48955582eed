import Foundation
import HandbookIntermediate
import Testing

@Suite("Codable edge cases")
struct CodableEdgeCasesTests {
    typealias Lesson = CodableEdgeCases

    private func decode<T: Decodable>(
        _ type: T.Type, from json: String, using decoder: JSONDecoder = JSONDecoder()
    ) throws -> T {
        try decoder.decode(type, from: Data(json.utf8))
    }

    @Test("CodingKeys rename a field, a key-less property is excluded, and nil is omitted")
    func codingKeysRenameExcludeAndOmit() throws {
        let account = Lesson.Account(publicField: "x", nickname: nil, cachedScore: 99)
        #expect(try Lesson.jsonString(account) == #"{"public_field":"x"}"#)

        let named = Lesson.Account(publicField: "x", nickname: "ace", cachedScore: 99)
        #expect(try Lesson.jsonString(named) == #"{"nickname":"ace","public_field":"x"}"#)

        let decoded = try decode(Lesson.Account.self, from: #"{"public_field":"x","cachedScore":5}"#)
        #expect(decoded == Lesson.Account(publicField: "x", nickname: nil, cachedScore: 0))
    }

    @Test("a hand-written encode(to:) that calls encode on an optional writes null")
    func explicitEncodeWritesNull() throws {
        let account = Lesson.AccountWithExplicitNull(publicField: "x", nickname: nil)
        #expect(try Lesson.jsonString(account) == #"{"nickname":null,"public_field":"x"}"#)
    }

    @Test("a missing non-optional key throws keyNotFound with the path to its container")
    func missingKeyThrowsKeyNotFound() throws {
        do {
            _ = try decode(Lesson.Envelope.self, from: #"{"user":{"nickname":"ace"}}"#)
            Issue.record("decoding should have thrown")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "public_field")
            #expect(context.codingPath.map(\.stringValue) == ["user"])
        }
    }

    @Test("an unknown enum raw value throws dataCorrupted; a tolerant enum keeps it")
    func unknownEnumValue() throws {
        #expect(try decode(Lesson.Member.self, from: #"{"role":"admin"}"#).role == .admin)
        do {
            _ = try decode(Lesson.Member.self, from: #"{"role":"owner"}"#)
            Issue.record("decoding should have thrown")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["role"])
        }
        let tolerant = try decode(Lesson.TolerantMember.self, from: #"{"role":"owner"}"#)
        #expect(tolerant.role == .unknown("owner"))
        #expect(try Lesson.jsonString(tolerant) == #"{"role":"owner"}"#)
    }

    @Test("2^63 does not fit in Int and throws dataCorrupted; Int.max and UInt64 are fine")
    func integerOverflowThrows() throws {
        #expect(try decode(Lesson.Counter.self, from: #"{"value":9223372036854775807}"#).value == Int.max)
        do {
            _ = try decode(Lesson.Counter.self, from: #"{"value":9223372036854775808}"#)
            Issue.record("decoding should have thrown")
        } catch DecodingError.dataCorrupted {
            // The case is what matters: the message differs between platforms
            // (Linux even says "not valid JSON", though the JSON is valid).
        }
        let unsigned = try decode(Lesson.UnsignedCounter.self, from: #"{"value":9223372036854775808}"#)
        #expect(unsigned.value == UInt64(Int.max) + 1)
    }

    @Test("convertFromSnakeCase maps user_id to userId, never to userID")
    func snakeCaseConversion() throws {
        let json = #"{"first_name":"Ada","user_id":7}"#
        let profile = try decode(Lesson.Profile.self, from: json, using: Lesson.snakeCaseDecoder())
        #expect(profile.firstName == "Ada")
        #expect(profile.userId == 7)
        #expect(throws: DecodingError.self) {
            try decode(Lesson.ProfileWithAcronym.self, from: json, using: Lesson.snakeCaseDecoder())
        }
    }

    @Test("property defaults are ignored by synthesized decoding; decodeIfPresent ?? default fills them")
    func missingKeyUsesDefault() throws {
        #expect(throws: DecodingError.self) { try decode(Lesson.NaiveSettings.self, from: "{}") }
        #expect(try decode(Lesson.Settings.self, from: "{}") == Lesson.Settings(pageSize: 20, verbose: false))
        #expect(try decode(Lesson.Settings.self, from: #"{"verbose":true}"#) == Lesson.Settings(verbose: true))
        // A default covers an absent key, not a wrong type.
        #expect(throws: DecodingError.self) { try decode(Lesson.Settings.self, from: #"{"pageSize":"ten"}"#) }
    }

    @Test("the default date strategy counts from 2001; .iso8601 writes a string that round-trips")
    func dateStrategies() throws {
        let event = Lesson.Event(name: "epoch", at: Date(timeIntervalSince1970: 0))
        let plain = JSONEncoder()
        plain.outputFormatting = .sortedKeys
        #expect(try Lesson.jsonString(event, using: plain) == #"{"at":-978307200,"name":"epoch"}"#)

        let iso = try Lesson.jsonString(event)
        #expect(iso == #"{"at":"1970-01-01T00:00:00Z","name":"epoch"}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decode(Lesson.Event.self, from: iso, using: decoder) == event)
    }

    @Test(".sortedKeys makes the output identical however the value was built")
    func sortedKeysAreDeterministic() throws {
        let first = ["b": 2, "a": 1, "c": 3]
        var second: [String: Int] = [:]
        for (key, value) in [("c", 3), ("a", 1), ("b", 2)] {
            second[key] = value
        }
        #expect(try Lesson.jsonString(first) == #"{"a":1,"b":2,"c":3}"#)
        #expect(try Lesson.jsonString(second) == Lesson.jsonString(first))
    }
}
