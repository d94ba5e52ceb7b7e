using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// A v1 CRD spec as the server validates it: converted to the internal version first
/// (<c>Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec</c>,
/// pkg/apis/apiextensions/v1/conversion.go). Conversion moves each per-version field (schema, subresources,
/// additionalPrinterColumns, selectableFields) to the top level when every version carries the same value, so errors
/// in a schema all versions share are reported under <c>spec.validation.openAPIV3Schema</c>, as the server words
/// them. Since a v1 spec has no top-level fields of its own, the internal checks that compare top-level and
/// per-version fields (mutually exclusive, all identical) never fire for it and are not modelled.
/// </summary>
internal sealed class InternalSpec
{
    public InternalSpec(Field spec)
    {
        Spec = spec;
        Versions = [.. spec.Child("versions").Items()];
        Validation = Shared("schema", "validation");
        Subresources = Shared("subresources", "subresources");
        AdditionalPrinterColumns = Shared("additionalPrinterColumns", "additionalPrinterColumns");
        SelectableFields = Shared("selectableFields", "selectableFields");
    }

    public Field Spec { get; }

    public IReadOnlyList<Field> Versions { get; }

    /// <summary><c>spec.validation</c>: the schema every version shares, or null when the versions differ (or none has one).</summary>
    public Field? Validation { get; }

    /// <summary><c>spec.subresources</c> when shared, else null.</summary>
    public Field? Subresources { get; }

    public Field? AdditionalPrinterColumns { get; }

    public Field? SelectableFields { get; }

    /// <summary>A version's own value of a per-version field, or null when conversion moved it to the top level.</summary>
    public Field? PerVersion(int index, string member)
    {
        var moved = member switch
        {
            "schema" => Validation,
            "subresources" => Subresources,
            "additionalPrinterColumns" => AdditionalPrinterColumns,
            _ => SelectableFields,
        };
        return moved is null ? Versions[index].Child(member) : null;
    }

    /// <summary><c>getSubresourcesForVersion</c>: the shared subresources, or the version's own.</summary>
    public Field SubresourcesOf(int index) => Subresources ?? Versions[index].Child("subresources");

    /// <summary><c>hasAnyStatusEnabled</c>.</summary>
    public bool AnyStatusEnabled => Versions.Any(v => v.Child("subresources", "status").IsSet);

    /// <summary>
    /// The value every version has for <paramref name="member"/>, under its top-level name, when they all hold the
    /// same one (<c>apiequality.Semantic.DeepEqual</c>); null when they differ or none sets it (nothing moves then).
    /// </summary>
    private Field? Shared(string member, string topLevel)
    {
        if (Versions.Count == 0)
        {
            return null;
        }

        var first = Versions[0].Child(member);
        for (var i = 1; i < Versions.Count; i++)
        {
            if (!SemanticEquals(first.Node, Versions[i].Child(member).Node))
            {
                return null;
            }
        }

        return first.IsSet ? first.WithPath(Spec.Child(topLevel)) : null;
    }

    /// <summary>
    /// Equality of two decoded values: members at their zero value count as absent, numbers compare by value, map
    /// members in any order. Lists and maps that are empty differ from absent ones, as Go's decoding leaves them non-nil.
    /// </summary>
    public static bool SemanticEquals(YamlNode? left, YamlNode? right)
    {
        if (SchemaProps.IsZero(left) || SchemaProps.IsZero(right))
        {
            return SchemaProps.IsZero(left) && SchemaProps.IsZero(right);
        }

        switch (left, right)
        {
            case (YamlScalar a, YamlScalar b):
                if (a.Kind is ScalarKind.Int or ScalarKind.Float && b.Kind is ScalarKind.Int or ScalarKind.Float)
                {
                    return a.TryGetDouble(out var x) && b.TryGetDouble(out var y) ? x.Equals(y) : a.Value == b.Value;
                }

                return a.Kind == b.Kind && string.Equals(a.Value, b.Value, StringComparison.Ordinal);
            case (YamlSequence a, YamlSequence b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!SemanticEquals(a.Items[i], b.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (YamlMapping a, YamlMapping b):
                return a.Entries.All(e => SemanticEquals(e.Value, b[e.KeyText])) && b.Entries.All(e => a[e.KeyText] is not null || SchemaProps.IsZero(e.Value));
            default:
                return false;
        }
    }
}
