import Foundation

/// Where a `--max-items` listing stopped: the service's token of the page it was reading and how many of that
/// page's items were already printed. Printed as `NextToken` in botocore's format, base64 of
/// `{"boto_truncate_amount": N, "nextToken": "…"}`.
struct StartingToken: Sendable, Equatable, Codable {
    /// The service token the page was fetched with; nil for the first page.
    var serviceToken: String?
    /// Items of that page already printed.
    var skip: Int

    private enum CodingKeys: String, CodingKey {
        case serviceToken = "nextToken"
        case skip = "boto_truncate_amount"
    }

    init(serviceToken: String?, skip: Int) {
        self.serviceToken = serviceToken
        self.skip = skip
    }

    /// Reads a printed token; nil when `text` is not one.
    init?(encoded text: String) {
        guard let data = Data(base64Encoded: text),
              let token = try? JSONDecoder().decode(StartingToken.self, from: data),
              token.skip >= 0
        else { return nil }
        self = token
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceToken = try container.decodeIfPresent(String.self, forKey: .serviceToken)
        skip = try container.decodeIfPresent(Int.self, forKey: .skip) ?? 0
    }

    /// The text to print as `NextToken`.
    var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ((try? encoder.encode(self)) ?? Data()).base64EncodedString()
    }
}
