namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>SchemaHas</c> (pkg/apis/apiextensions/validation/validation.go): whether a schema or any schema nested in it
/// (items, allOf, anyOf, oneOf, not, properties, additionalProperties, patternProperties, additionalItems,
/// definitions, dependencies) satisfies a predicate.
/// </summary>
internal static class SchemaWalk
{
    private static readonly string[] Lists = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] Single = ["not", "additionalProperties", "additionalItems"];
    private static readonly string[] Maps = ["properties", "patternProperties", "definitions", "dependencies"];

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

        var items = schema.Field.Child("items");
        if (items.Sequence is not null ? items.Items().Any(i => Any(new SchemaProps(i), predicate)) : Any(new SchemaProps(items), predicate))
        {
            return true;
        }

        foreach (var list in Lists)
        {
            if (schema.Field.Child(list).Items().Any(s => Any(new SchemaProps(s), predicate)))
            {
                return true;
            }
        }

        foreach (var single in Single)
        {
            if (Any(new SchemaProps(schema.Field.Child(single)), predicate))
            {
                return true;
            }
        }

        foreach (var map in Maps)
        {
            if (schema.Field.Child(map).Entries().Any(e => Any(new SchemaProps(e.Value), predicate)))
            {
                return true;
            }
        }

        return false;
    }
}
