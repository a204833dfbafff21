import AWSRuntime

/// The items of a paginated listing, up to `--max-items`, and where to continue if it stopped early.
struct PagedItems<Item> {
    var items: [Item]
    /// Set when items remain after the last one collected.
    var nextToken: StartingToken?
}

/// Walks a generated paginator's pages the way the AWS CLI does for `--max-items` and `--starting-token`.
enum PageCollector {
    /// Collects items from `pages` (whose first request carries `options.startingToken`'s service token),
    /// skipping the items the starting token says were printed already.
    static func collect<Input, Output, Item>(
        _ pages: Paginator<Input, Output>, options: PaginationOptions,
        items: (Output) -> [Item], nextToken: (Output) -> String?
    ) async throws -> PagedItems<Item> {
        var collected: [Item] = []
        var requestToken = options.startingToken?.serviceToken
        var skip = options.startingToken?.skip ?? 0
        for try await page in pages {
            let fresh = Array(items(page).dropFirst(skip))
            if let limit = options.maxItems, collected.count + fresh.count > limit {
                let taken = limit - collected.count
                collected += fresh.prefix(taken)
                return PagedItems(items: collected, nextToken: StartingToken(serviceToken: requestToken, skip: skip + taken))
            }
            collected += fresh
            skip = 0
            let next = nextToken(page)
            if let limit = options.maxItems, collected.count == limit, let next, !next.isEmpty, next != requestToken {
                return PagedItems(items: collected, nextToken: StartingToken(serviceToken: next, skip: 0))
            }
            requestToken = next
        }
        return PagedItems(items: collected, nextToken: nil)
    }
}
