/// The rules every executable document is checked with, in graphql-core 3.3's order
/// (`specified_rules`). The order decides which error comes first at the same node.
public let specifiedRules: [ValidationRule.Type] = [
    ExecutableDefinitionsRule.self,
    UniqueOperationNamesRule.self,
    KnownDirectivesRule.self,
    UniqueDirectivesPerLocationRule.self,
    DeferStreamDirectiveOnRootField.self,
    DeferStreamDirectiveOnValidOperationsRule.self,
    DeferStreamDirectiveLabel.self,
    StreamDirectiveOnListField.self,
    KnownArgumentNamesRule.self,
    UniqueArgumentNamesRule.self,
    ValuesOfCorrectTypeRule.self,
    ProvidedRequiredArgumentsRule.self,
    VariablesInAllowedPositionRule.self,
    OverlappingFieldsCanBeMergedRule.self,
    UniqueInputFieldNamesRule.self,
]
