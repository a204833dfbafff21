/// What the runtime needs to know about a service to call it; generated from its model.
public struct ServiceMetadata: Sendable {
    /// The protocol the service speaks on the wire.
    public enum WireProtocol: Sendable {
        case awsJson1_0, awsJson1_1, restJson1, awsQuery, ec2Query, restXml, rpcv2Cbor
    }

    /// The SDK id, e.g. `ECR PUBLIC`.
    public var sdkId: String
    /// The SigV4 signing name, e.g. `ecr-public`.
    public var signingName: String
    /// The `X-Amz-Target` prefix: the service shape's name, e.g. `SpencerFrontendService`.
    public var targetPrefix: String
    /// Which protocol the service speaks.
    public var wireProtocol: WireProtocol
    /// The model's API version, e.g. `2020-10-30`.
    public var apiVersion: String
    /// Whether the service has the `awsQueryCompatible` trait, so errors may carry `x-amzn-query-error`.
    public var isAWSQueryCompatible: Bool
    /// The model's `smithy.rules#endpointRuleSet`, as JSON text.
    public var endpointRuleSet: String?

    /// Metadata as the generator writes it from the model.
    public init(sdkId: String, signingName: String, targetPrefix: String, wireProtocol: WireProtocol,
                apiVersion: String, isAWSQueryCompatible: Bool = false, endpointRuleSet: String?) {
        self.sdkId = sdkId
        self.signingName = signingName
        self.targetPrefix = targetPrefix
        self.wireProtocol = wireProtocol
        self.apiVersion = apiVersion
        self.isAWSQueryCompatible = isAWSQueryCompatible
        self.endpointRuleSet = endpointRuleSet
    }

    /// The codec that turns this service's inputs into requests and responses into outputs and errors.
    public var codec: any ProtocolCodec {
        switch wireProtocol {
        case .awsJson1_0:
            return AWSJSONCodec(version: "1.0", targetPrefix: targetPrefix, isQueryCompatible: isAWSQueryCompatible,
                                customization: customization)
        case .awsJson1_1:
            return AWSJSONCodec(version: "1.1", targetPrefix: targetPrefix, isQueryCompatible: isAWSQueryCompatible,
                                customization: customization)
        case .restJson1:
            return RestJSONCodec(customization: customization)
        case .awsQuery:
            return AWSQueryCodec(flavor: .awsQuery, apiVersion: apiVersion)
        case .ec2Query:
            return AWSQueryCodec(flavor: .ec2Query, apiVersion: apiVersion)
        case .restXml:
            return RestXMLCodec(customization: customization)
        case .rpcv2Cbor:
            return RPCv2CBORCodec(serviceName: targetPrefix)
        }
    }

    /// What the service needs beyond its protocol (API Gateway, Glacier, Machine Learning, S3), by its SDK id.
    public var customization: ServiceCustomization? {
        switch sdkId {
        case "API Gateway": return .apiGateway
        case "Glacier": return .glacier(apiVersion: apiVersion)
        case "S3": return .s3
        case "Machine Learning": return .machineLearning
        default: return nil
        }
    }

    /// The service's part of `AWS_ENDPOINT_URL_<SERVICE>`: the SDK id upper-cased, spaces to underscores.
    public var environmentName: String {
        sdkId.uppercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.reduce(into: "") { $0.append($1) }
    }
}
