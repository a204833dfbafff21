import ECRPublic

// The smallest program a user of the generated client writes: build a client and name an operation. The
// benchmark reports its stripped size (issue 17: keep the lead over Soto's 18.8 MB for the same program).
let client = ECRPublicClient()
let describe: @Sendable (DescribeRepositoriesRequest) async throws -> DescribeRepositoriesResponse = client.describeRepositories
print(type(of: client), type(of: describe))
