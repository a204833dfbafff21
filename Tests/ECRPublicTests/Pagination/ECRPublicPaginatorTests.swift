import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// The generated paginators against a scripted transport.
final class ECRPublicPaginatorTests: XCTestCase {
    /// Answers DescribeImages with `pages` (each a list of digests), chaining tokens "t1", "t2", ...
    private func imagesTransport(_ pages: [[String]], lastToken: String? = nil) -> ScriptedTransport {
        ScriptedTransport { request, index in
            guard index < pages.count else { throw HTTPClientError.connectionFailed("no page \(index + 1)") }
            let details = pages[index].map { #"{"imageDigest": "\#($0)"}"# }.joined(separator: ",")
            let token = index + 1 < pages.count ? "\"t\(index + 1)\"" : (lastToken.map { "\"\($0)\"" } ?? "null")
            return .json(#"{"imageDetails": [\#(details)], "nextToken": \#(token)}"#)
        }
    }

    func testManyPagesYieldEveryItemInOrderAndChainTokens() async throws {
        let transport = imagesTransport([["a", "b"], ["c"], ["d", "e"]])
        let client = ECRPublicClient.scripted(transport)
        var digests: [String] = []
        for try await image in client.describeImagesPaginator(DescribeImagesRequest(repositoryName: "web", maxResults: 2)).items {
            digests.append(image.imageDigest ?? "?")
        }
        XCTAssertEqual(digests, ["a", "b", "c", "d", "e"])
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertNil(transport.body(0)["nextToken"])
        XCTAssertEqual(transport.body(1)["nextToken"] as? String, "t1")
        XCTAssertEqual(transport.body(2)["nextToken"] as? String, "t2")
        // The page size is passed through on every request.
        XCTAssertEqual((0..<3).map { transport.body($0)["maxResults"] as? Int }, [2, 2, 2])
    }

    func testOnePageAndAnEmptyPage() async throws {
        let one = imagesTransport([["a"]])
        var pages = 0
        for try await _ in ECRPublicClient.scripted(one).describeImagesPaginator(DescribeImagesRequest(repositoryName: "web")) {
            pages += 1
        }
        XCTAssertEqual(pages, 1)

        let empty = ScriptedTransport { _, _ in .json("{}") }  // no items member at all: treated as empty
        var items = 0
        for try await _ in ECRPublicClient.scripted(empty).describeImagesPaginator(DescribeImagesRequest(repositoryName: "web")).items {
            items += 1
        }
        XCTAssertEqual(items, 0)
        XCTAssertEqual(empty.requests.count, 1)
    }

    func testEmptyStringTokenEndsPagination() async throws {
        let transport = imagesTransport([["a"]], lastToken: "")
        var count = 0
        for try await _ in ECRPublicClient.scripted(transport).describeImagesPaginator(DescribeImagesRequest(repositoryName: "web")).items {
            count += 1
        }
        XCTAssertEqual(count, 1)
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testTheSameTokenBackYieldsThatPageThenStops() async throws {
        let transport = ScriptedTransport { _, index in
            .json(#"{"imageDetails": [{"imageDigest": "p\#(index)"}], "nextToken": "same"}"#)
        }
        var digests: [String] = []
        let input = DescribeImagesRequest(repositoryName: "web", nextToken: "same")
        for try await image in ECRPublicClient.scripted(transport).describeImagesPaginator(input).items {
            digests.append(image.imageDigest ?? "")
        }
        XCTAssertEqual(digests, ["p0"])
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(transport.body(0)["nextToken"] as? String, "same", "the caller's token is used as given")
    }

    func testAnErrorOnPageThreeEndsTheSequenceByThrowing() async throws {
        let transport = ScriptedTransport { _, index in
            if index == 2 {
                return HTTPResponse(statusCode: 400, headers: ["x-amzn-RequestId": "req-3"],
                                    body: Data(#"{"__type": "RepositoryNotFoundException", "message": "gone"}"#.utf8))
            }
            return .json(#"{"imageDetails": [{"imageDigest": "d\#(index)"}], "nextToken": "t\#(index + 1)"}"#)
        }
        var digests: [String] = []
        do {
            for try await image in ECRPublicClient.scripted(transport).describeImagesPaginator(DescribeImagesRequest(repositoryName: "web")).items {
                digests.append(image.imageDigest ?? "")
            }
            XCTFail("expected an error")
        } catch let error as ECRPublicError {
            XCTAssertEqual(error.code, .repositoryNotFoundException)
            XCTAssertEqual(error.context.requestId, "req-3")
        }
        XCTAssertEqual(digests, ["d0", "d1"])
    }

    func testNothingIsRequestedBeforeIterationAndNoPageBeyondWhatIsConsumed() async throws {
        let transport = imagesTransport([["a", "b"], ["c"]])
        let paginator = ECRPublicClient.scripted(transport).describeImagesPaginator(DescribeImagesRequest(repositoryName: "web"))
        XCTAssertEqual(transport.requests.count, 0)
        var iterator = paginator.items.makeAsyncIterator()
        _ = try await iterator.next()
        _ = try await iterator.next()
        XCTAssertEqual(transport.requests.count, 1, "both items came from the first page")
    }

    func testCancellationAfterTheFirstItemStopsBeforeTheNextRequest() async throws {
        let transport = imagesTransport([["a"], ["b"], ["c"]])
        let client = ECRPublicClient.scripted(transport)
        let task = Task {
            var seen: [String] = []
            for try await image in client.describeImagesPaginator(DescribeImagesRequest(repositoryName: "web")).items {
                seen.append(image.imageDigest ?? "")
                withUnsafeCurrentTask { $0?.cancel() }
            }
            return seen
        }
        do {
            let seen = try await task.value
            XCTFail("expected cancellation, got \(seen)")
        } catch is CancellationError {
            XCTAssertEqual(transport.requests.count, 1)
        }
    }
}
