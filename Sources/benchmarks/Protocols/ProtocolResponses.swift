import AWSRuntime
import Foundation

/// The `ListThings` response of 50 things in each protocol's body format: the bytes both our codecs and
/// botocore's parsers decode.
enum ProtocolResponses {
    static let count = 50

    static func things() -> [(name: String, size: Int64, created: Int, tags: [String])] {
        (0..<count).map { (index: Int) -> (name: String, size: Int64, created: Int, tags: [String]) in
            let size: Int64 = Int64(index) * 4096 + 17
            let created: Int = 1_700_000_000 + index * 60
            return ("thing-\(index)", size, created, ["blue", "large", "tag-\(index)"])
        }
    }

    static func json() -> Data {
        let items = things().map { thing -> String in
            let tags: String = thing.tags.map { tag in "\"" + tag + "\"" }.joined(separator: ",")
            let fields: String = "\"name\":\"" + thing.name + "\",\"size\":" + String(thing.size)
                + ",\"created\":" + String(thing.created) + ",\"tags\":[" + tags + "]"
            return "{" + fields + "}"
        }
        return Data(#"{"things":[\#(items.joined(separator: ","))],"nextToken":"token-123"}"#.utf8)
    }

    /// restXml's output root, or awsQuery's `<ListThingsResponse><ListThingsResult>` wrapping.
    static func xml(queryWrapped: Bool) -> Data {
        var body = "<things>"
        for thing in things() {
            let created = TimestampFormat.dateTime.string(from: Date(timeIntervalSince1970: Double(thing.created)))
            body += "<member><name>\(thing.name)</name><size>\(thing.size)</size><created>\(created)</created><tags>"
                + thing.tags.map { "<member>\($0)</member>" }.joined() + "</tags></member>"
        }
        body += "</things><nextToken>token-123</nextToken>"
        if queryWrapped {
            return Data(("<ListThingsResponse xmlns=\"https://bench.example.com/\"><ListThingsResult>" + body
                + "</ListThingsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListThingsResponse>").utf8)
        }
        return Data(("<ListThingsOutput>" + body + "</ListThingsOutput>").utf8)
    }

    static func cbor() -> Data {
        let items: [CBORValue] = things().map { thing in
            .map([
                (.text("name"), .text(thing.name)), (.text("size"), .integer(thing.size)),
                (.text("created"), .tag(1, .integer(Int64(thing.created)))),
                (.text("tags"), .array(thing.tags.map { .text($0) })),
            ])
        }
        return CBORWriter.encode(.map([(.text("things"), .array(items)), (.text("nextToken"), .text("token-123"))]))
    }
}
