// The field lists of the hot view models (see `TemplateFields`).

extension MemberViewModel: TemplateFields {
    var templateFields: [String: Any] {
        [
            "name": name, "propertyName": propertyName, "storageName": storageName, "isDeprecated": isDeprecated,
            "codingKey": codingKey, "wireName": wireName, "wireNameLiteral": wireNameLiteral, "type": type,
            "argumentLabel": argumentLabel, "isOptional": isOptional, "requiresArgument": requiresArgument,
            "initParameter": initParameter, "forwardedArgument": forwardedArgument,
            "decodeStatement": decodeStatement, "encodeStatement": encodeStatement, "documentation": documentation,
            "deprecatedAttribute": deprecatedAttribute as Any, "propertyWrapper": propertyWrapper,
            "httpBinding": httpBinding as Any, "isEventBound": isEventBound, "isEventStream": isEventStream, "absentValue": absentValue as Any,
            "separator": separator,
        ]
    }
}

extension StructureViewModel: TemplateFields {
    var templateFields: [String: Any] {
        [
            "typeName": typeName, "access": access, "documentation": documentation, "conformances": conformances,
            "members": members, "hasMembers": hasMembers, "bodyMembers": bodyMembers, "hasBodyMembers": hasBodyMembers,
            "httpBindings": httpBindings as Any, "queryEncoding": queryEncoding as Any, "xmlDecoding": xmlDecoding as Any,
            "xmlEncoding": xmlEncoding as Any, "jsonDecoding": jsonDecoding as Any,
            "validation": validation as Any, "redaction": redaction as Any, "eventStreamOutput": eventStreamOutput as Any,
        ]
    }
}

extension EnumViewModel.Case: TemplateFields {
    var templateFields: [String: Any] {
        ["name": name, "rawLiteral": rawLiteral, "documentation": documentation,
         "deprecatedAttribute": deprecatedAttribute as Any]
    }
}
