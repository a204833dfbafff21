import AWSRuntime
import Foundation

// DynamoDB's `AttributeValue` union and the members of `ScanOutput` the benchmark reads, written as the generator
// writes them (`Templates/Union.mustache`, `Structure.mustache`): the benchmarks target cannot link a generated
// DynamoDB module, so these stand in for it, statement for statement.

indirect enum ScanAttributeValue: Sendable, Hashable, Codable {
    case s(String)
    case n(String)
    case b(Data)
    case ss([String])
    case ns([String])
    case bs([Data])
    case m([String: ScanAttributeValue])
    case l([ScanAttributeValue])
    case null(Bool)
    case bool(Bool)
    case sdkUnknown(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        // Exactly one member is set; `__type` and null members are not values.
        let keys = container.allKeys.filter { key in
            key.stringValue != "__type" && !((try? container.decodeNil(forKey: key)) ?? true)
        }
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "a AttributeValue union must have exactly one member set, found \(keys.count)"))
        }
        switch key.stringValue {
        case "S": self = .s(try container.decode(String.self, forKey: key))
        case "N": self = .n(try container.decode(String.self, forKey: key))
        case "B": self = .b(try container.decode(Data.self, forKey: key))
        case "SS": self = .ss(try container.decode([String].self, forKey: key))
        case "NS": self = .ns(try container.decode([String].self, forKey: key))
        case "BS": self = .bs(try container.decode([Data].self, forKey: key))
        case "M": self = .m(try container.decode([String: ScanAttributeValue].self, forKey: key))
        case "L": self = .l(try container.decode([ScanAttributeValue].self, forKey: key))
        case "NULL": self = .null(try container.decode(Bool.self, forKey: key))
        case "BOOL": self = .bool(try container.decode(Bool.self, forKey: key))
        default: self = .sdkUnknown(key.stringValue)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        switch self {
        case .s(let value): try container.encode(value, forKey: AnyCodingKey("S"))
        case .n(let value): try container.encode(value, forKey: AnyCodingKey("N"))
        case .b(let value): try container.encode(value, forKey: AnyCodingKey("B"))
        case .ss(let value): try container.encode(value, forKey: AnyCodingKey("SS"))
        case .ns(let value): try container.encode(value, forKey: AnyCodingKey("NS"))
        case .bs(let value): try container.encode(value, forKey: AnyCodingKey("BS"))
        case .m(let value): try container.encode(value, forKey: AnyCodingKey("M"))
        case .l(let value): try container.encode(value, forKey: AnyCodingKey("L"))
        case .null(let value): try container.encode(value, forKey: AnyCodingKey("NULL"))
        case .bool(let value): try container.encode(value, forKey: AnyCodingKey("BOOL"))
        case .sdkUnknown(let name):
            throw EncodingError.invalidValue(name, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "cannot send the unknown AttributeValue member \(name)"))
        }
    }
}

struct ScanBenchmarkOutput: Sendable, Codable {
    var items: [[String: ScanAttributeValue]]?
    var count: Int
    var scannedCount: Int
    var lastEvaluatedKey: [String: ScanAttributeValue]?

    private enum CodingKeys: String, CodingKey {
        case items = "Items"
        case count = "Count"
        case scannedCount = "ScannedCount"
        case lastEvaluatedKey = "LastEvaluatedKey"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.items = try container.decodeIfPresent([[String: ScanAttributeValue]].self, forKey: .items)
        self.count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 0
        self.scannedCount = try container.decodeIfPresent(Int.self, forKey: .scannedCount) ?? 0
        self.lastEvaluatedKey = try container.decodeIfPresent([String: ScanAttributeValue].self, forKey: .lastEvaluatedKey)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(self.items, forKey: .items)
        try container.encode(self.count, forKey: .count)
        try container.encode(self.scannedCount, forKey: .scannedCount)
        try container.encodeIfPresent(self.lastEvaluatedKey, forKey: .lastEvaluatedKey)
    }
}

// The readers the generator writes for them (`Templates/JSONDecoding.mustache`).

extension ScanAttributeValue: JSONShapeDecodable {
    init(json: JSONObjectReader) throws {
        // Exactly one member is set; one this model does not list is kept by name.
        let (name, value) = try json.unionMember(of: "AttributeValue")
        switch name {
        case "S": self = .s(try value.string())
        case "N": self = .n(try value.string())
        case "B": self = .b(try value.blob())
        case "SS": self = .ss(try value.list { element0 in try element0.string() })
        case "NS": self = .ns(try value.list { element0 in try element0.string() })
        case "BS": self = .bs(try value.list { element0 in try element0.blob() })
        case "M": self = .m(try value.map { entry0 in try entry0.object(ScanAttributeValue.init(json:)) })
        case "L": self = .l(try value.list { element0 in try element0.object(ScanAttributeValue.init(json:)) })
        case "NULL": self = .null(try value.bool())
        case "BOOL": self = .bool(try value.bool())
        default: self = .sdkUnknown(name)
        }
    }
}

extension ScanBenchmarkOutput: JSONShapeDecodable {
    init(json: JSONObjectReader) throws {
        self.items = try json.list("Items") { element in try element.map { entry0 in try entry0.object(ScanAttributeValue.init(json:)) } }
        self.count = try json.int("Count") ?? 0
        self.scannedCount = try json.int("ScannedCount") ?? 0
        self.lastEvaluatedKey = try json.map("LastEvaluatedKey") { entry in try entry.object(ScanAttributeValue.init(json:)) }
    }
}
