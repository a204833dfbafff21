/// A view model that hands the renderer its properties directly.
///
/// The renderer reads other view models by reflection, which costs a type-metadata lookup per field; the few
/// types rendered thousands of times (members, structures, enum cases) list their fields here instead. A test
/// checks each list against the type's stored properties, so a new property cannot be forgotten.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}
