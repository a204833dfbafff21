/// The helper file every protocol-test target gets once: the recording transport and the request assertions.
struct ProtocolTestSupportViewModel {
    let service: ServiceViewModel
}
