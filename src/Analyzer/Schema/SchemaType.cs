namespace KubeLint.Analyzer.Schema;

/// <summary>The JSON type a schema node accepts, with Kubernetes' two special string-or-number types.</summary>
internal enum SchemaType : byte
{
    /// <summary>Any JSON value (no type given).</summary>
    Any,
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>x-kubernetes-int-or-string: an integer or a string.</summary>
    IntOrString,

    /// <summary>resource.Quantity: a string or a number, parsed with apimachinery's quantity grammar.</summary>
    Quantity,
}
