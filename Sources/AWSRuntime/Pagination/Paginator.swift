/// The pages of a paginated operation, fetched one at a time as they are iterated.
///
/// The first request is the caller's input as given (its token and page size included); each next request
/// carries the previous page's token. Iteration ends when a page has no token (nil or empty), or after the
/// page whose token was already sent — the one just sent, or any earlier one (that page is still yielded, so
/// nothing is lost and nothing loops). Errors end it by throwing; a cancelled task stops before the next
/// request.
public struct Paginator<Input: Sendable, Output: Sendable>: AsyncSequence, Sendable {
    /// Iterating yields whole pages (operation outputs).
    public typealias Element = Output

    let input: Input
    let fetch: @Sendable (Input) async throws -> Output
    /// The token an input carries, if any.
    let sentToken: @Sendable (Input) -> AnyHashable?
    /// The next input and its token after `output` (fetched with `input`); nil when `output` has no token.
    let nextInput: @Sendable (Input, Output) -> (input: Input, token: AnyHashable)?

    /// - Parameters:
    ///   - inputToken: reads the token an input carries.
    ///   - settingToken: returns the input with another token.
    ///   - outputToken: reads the next-page token of a page.
    public init<Token: PaginationToken>(
        input: Input,
        fetch: @escaping @Sendable (Input) async throws -> Output,
        inputToken: @escaping @Sendable (Input) -> Token?,
        settingToken: @escaping @Sendable (Input, Token) -> Input,
        outputToken: @escaping @Sendable (Output) -> Token?
    ) {
        self.input = input
        self.fetch = fetch
        self.sentToken = { inputToken($0).map(AnyHashable.init) }
        self.nextInput = { sent, page in
            guard let token = outputToken(page), !token.isEmptyToken else { return nil }
            return (settingToken(sent, token), AnyHashable(token))
        }
    }

    /// A sequence of pages that also offers `.items`, every item of every page.
    public func items<Item>(_ extract: @escaping @Sendable (Output) -> [Item]) -> ItemPaginator<Input, Output, Item> {
        ItemPaginator(pages: self, extract: extract)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(paginator: self, next: input, sent: Set(sentToken(input).map { [$0] } ?? []))
    }

    /// Fetches one page per `next()`, stopping at a missing, empty or repeated token.
    public struct Iterator: AsyncIteratorProtocol {
        let paginator: Paginator
        var next: Input?
        /// Every token sent so far: a token seen before means the service is going round in a loop.
        var sent: Set<AnyHashable>

        public mutating func next() async throws -> Output? {
            guard let input = next else { return nil }
            next = nil
            try Task.checkCancellation()
            let page = try await paginator.fetch(input)
            if let (following, token) = paginator.nextInput(input, page), sent.insert(token).inserted {
                next = following
            }
            return page
        }
    }
}

/// A paginated operation's pages, plus `items`: every item of every page, in order.
public struct ItemPaginator<Input: Sendable, Output: Sendable, Item>: AsyncSequence, Sendable {
    /// Iterating yields whole pages; use `items` for the items themselves.
    public typealias Element = Output

    /// The underlying page sequence.
    public let pages: Paginator<Input, Output>
    let extract: @Sendable (Output) -> [Item]

    public func makeAsyncIterator() -> Paginator<Input, Output>.Iterator { pages.makeAsyncIterator() }

    /// Every item of every page; pages are fetched only as items are consumed.
    public var items: PaginatedItems<Input, Output, Item> { PaginatedItems(pages: pages, extract: extract) }
}

/// The items of a paginated operation, across pages.
public struct PaginatedItems<Input: Sendable, Output: Sendable, Item>: AsyncSequence, Sendable {
    /// Iterating yields single items, page after page.
    public typealias Element = Item

    let pages: Paginator<Input, Output>
    let extract: @Sendable (Output) -> [Item]

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator(), extract: extract)
    }

    /// Hands out the current page's items, fetching the next page when they run out (skipping empty pages).
    public struct Iterator: AsyncIteratorProtocol {
        var pages: Paginator<Input, Output>.Iterator
        let extract: @Sendable (Output) -> [Item]
        var buffer: [Item] = []
        var position = 0

        public mutating func next() async throws -> Item? {
            while position >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = extract(page)
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

/// A next-page token: a string for almost every service, a key map for some (DynamoDB's `LastEvaluatedKey`).
public protocol PaginationToken: Hashable, SendableMetatype {
    /// An empty token ends pagination like a missing one.
    var isEmptyToken: Bool { get }
}

extension String: PaginationToken {
    /// An empty string ends pagination.
    public var isEmptyToken: Bool { isEmpty }
}

extension Dictionary: PaginationToken where Value: Hashable {
    /// An empty key map ends pagination.
    public var isEmptyToken: Bool { isEmpty }
}
