namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>SchemaHas</c> (pkg/apis/apiextensions/validation/validation.go): whether a schema or any schema nested in it
/// (items, allOf, anyOf, oneOf, not, properties, additionalProperties, patternProperties, additionalItems,
/// definitions, dependencies) satisfies a predicate.
/// </summary>
internal static class SchemaWalk
{
    private static readonly SchemaMember[] Lists = [SchemaMember.AllOf, SchemaMember.AnyOf, SchemaMember.OneOf];
    private static readonly SchemaMember[] Single = [SchemaMember.Not, SchemaMember.AdditionalProperties, SchemaMember.AdditionalItems];
    private static readonly SchemaMember[] Maps = [SchemaMember.Properties, SchemaMember.PatternProperties, SchemaMember.Definitions, SchemaMember.Dependencies];

    public static bool Any(SchemaProps schema, Func<SchemaProps, bool> predicate)
    {
        if (!schema.IsSet)
        {
            return false;
        }

        if (predicate(schema))
        {
            return true;
        }

        if (schema.ItemsIsArray ? schema.ItemClauses.Any(i => Any(i, predicate)) : Any(schema.Items, predicate))
        {
            return true;
        }

        foreach (var list in Lists)
        {
            if (schema.Junction(list).Any(s => Any(s, predicate)))
            {
                return true;
            }
        }

        foreach (var single in Single)
        {
            if (Any(schema.Schema(single), predicate))
            {
                return true;
            }
        }

        foreach (var map in Maps)
        {
            if (schema.MapEntries(map).Any(e => Any(e.Schema, predicate)))
            {
                return true;
            }
        }

        return false;
    }
}
