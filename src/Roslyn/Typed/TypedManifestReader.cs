using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KubeLint.Roslyn.Typed;

/// <summary>
/// Reads a KubernetesClient object (k8s.Models.V1Deployment, V1Service, ...) built with object and collection
/// initializers. Types are recognised by name (namespace k8s.Models, [KubernetesEntity] for top-level objects,
/// [JsonPropertyName] for field names), so the analyzer never loads KubernetesClient itself.
/// </summary>
/// <remarks>
/// Only an object whose whole initializer tree is constant is read: a value computed at run time (a variable, a
/// method call, a spread) could hold anything, and checking the known rest would report mismatches that do not
/// exist. Null constants mean "absent", as they do when the client serializes the object.
/// </remarks>
internal sealed class TypedManifestReader
{
    private const string ModelNamespace = "k8s.Models";

    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private bool _complete = true;

    private TypedManifestReader(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public static TypedManifest? TryRead(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol type
            || !IsModel(type)
            || EntityOf(type) is not { } entity
            || creation.Ancestors().OfType<BaseObjectCreationExpressionSyntax>().Any(a => IsModel(model.GetTypeInfo(a, cancellationToken).Type)))
        {
            return null;
        }

        var reader = new TypedManifestReader(model, cancellationToken);
        var root = reader.ReadCreation(creation) as TypedMapping;
        if (!reader._complete || root is null)
        {
            return null;
        }

        // apiVersion and kind come from the type, which is what the client sends whatever the properties say.
        root.Remove("apiVersion");
        root.Remove("kind");
        var header = HeaderLocation(creation);
        var writer = new YamlTextWriter();
        writer.Line(0, "apiVersion: " + YamlTextWriter.Quote(entity.ApiVersion), header);
        writer.Line(0, "kind: " + YamlTextWriter.Quote(entity.Kind), header);
        writer.WriteEntries(root.Entries, 0);
        var start = creation.GetLocation().GetLineSpan().StartLinePosition;
        var path = $"{creation.SyntaxTree.FilePath}({start.Line + 1},{start.Character + 1})";
        return new TypedManifest(path, writer.Text, writer.Lines);
    }

    private static bool IsModel(ITypeSymbol? type)
        => type is INamedTypeSymbol { ContainingNamespace: { } ns } && ns.ToDisplayString() == ModelNamespace;

    private static (string ApiVersion, string Kind)? EntityOf(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "KubernetesEntityAttribute");
        if (attribute is null)
        {
            return null;
        }

        string? Named(string name)
            => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

        var kind = Named("Kind");
        var version = Named("ApiVersion");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        var group = Named("Group");
        return (string.IsNullOrEmpty(group) ? version! : group + "/" + version, kind!);
    }

    /// <summary>"new V1Deployment": where findings about the object as a whole (its apiVersion and kind) point.</summary>
    private static Location HeaderLocation(BaseObjectCreationExpressionSyntax creation)
    {
        var end = creation is ObjectCreationExpressionSyntax explicitType ? explicitType.Type.Span.End : creation.NewKeyword.Span.End;
        return Location.Create(creation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(creation.SpanStart, end));
    }

    private TypedValue? Fail()
    {
        _complete = false;
        return null;
    }

    /// <summary>Reads a value; null with <see cref="_complete"/> still true means an explicit null (absent field).</summary>
    private TypedValue? Read(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!_complete)
        {
            return null;
        }

        var constant = _model.GetConstantValue(expression, _cancellationToken);
        if (constant.HasValue)
        {
            return constant.Value is null ? null : Scalar(constant.Value, expression);
        }

        return expression switch
        {
            ParenthesizedExpressionSyntax parenthesized => Read(parenthesized.Expression),
            BaseObjectCreationExpressionSyntax creation => ReadCreation(creation),
            CollectionExpressionSyntax collection => ReadCollectionExpression(collection),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => ReadItems(initializer.Expressions, expression),
            ImplicitArrayCreationExpressionSyntax array => ReadItems(array.Initializer.Expressions, expression),
            _ => Fail(),
        };
    }

    private TypedValue? Scalar(object value, ExpressionSyntax expression)
    {
        var yaml = value switch
        {
            string s => YamlTextWriter.Quote(s),
            char c => YamlTextWriter.Quote(c.ToString()),
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable number when value is int or long or short or byte or sbyte or uint or ulong or ushort or decimal
                => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
        return yaml is null ? Fail() : new TypedScalar(yaml, expression.GetLocation());
    }

    private TypedValue? ReadCreation(BaseObjectCreationExpressionSyntax creation)
    {
        if (_model.GetTypeInfo(creation, _cancellationToken).Type is not INamedTypeSymbol type)
        {
            return Fail();
        }

        if (IsModel(type) && type.Name is "ResourceQuantity" or "IntstrIntOrString")
        {
            // new ResourceQuantity("500m"), new IntstrIntOrString("http"): scalars in the API.
            return creation is { ArgumentList.Arguments: [var single], Initializer: null } ? Read(single.Expression) : Fail();
        }

        if (IsModel(type))
        {
            return ReadModel(creation, type);
        }

        if (HasArgumentOfCollectionType(creation))
        {
            return Fail(); // A copy of another collection: its content is not in the initializer.
        }

        if (Implements(type, "IDictionary", 2))
        {
            return ReadDictionary(creation);
        }

        return Implements(type, "IEnumerable", 0)
            ? ReadItems(creation.Initializer?.Expressions ?? default, creation)
            : Fail();
    }

    private TypedValue? ReadModel(BaseObjectCreationExpressionSyntax creation, INamedTypeSymbol type)
    {
        if (creation.ArgumentList is { Arguments.Count: > 0 })
        {
            return Fail(); // The model types are built through their properties; arguments are not followed.
        }

        var mapping = new TypedMapping(HeaderLocation(creation));
        foreach (var element in creation.Initializer?.Expressions ?? default)
        {
            if (!_complete)
            {
                break;
            }

            if (element is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                || _model.GetSymbolInfo(name, _cancellationToken).Symbol is not IPropertySymbol property)
            {
                return Fail();
            }

            SetProperty(mapping, property, assignment.Right, assignment.GetLocation(), name.GetLocation());
        }

        return _complete ? mapping : null;
    }

    private void SetProperty(TypedMapping mapping, IPropertySymbol property, ExpressionSyntax value, Location whole, Location name)
    {
        var key = JsonName(property);
        var read = Read(value);
        if (read is null)
        {
            mapping.Remove(key);
            return;
        }

        // A constant is reported on its whole assignment; a nested object or list on the property name only.
        mapping.Set(new TypedEntry(key, read, read is TypedScalar ? whole : name));
    }

    private TypedValue? ReadDictionary(BaseObjectCreationExpressionSyntax creation)
    {
        var mapping = new TypedMapping(HeaderLocation(creation));
        foreach (var element in creation.Initializer?.Expressions ?? default)
        {
            var (keyExpression, valueExpression) = element switch
            {
                AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [var key] } } assignment
                    => (key.Expression, assignment.Right),
                InitializerExpressionSyntax { Expressions: [var key, var entryValue] } => (key, entryValue),
                _ => (null, null),
            };
            if (keyExpression is null || valueExpression is null
                || _model.GetConstantValue(keyExpression, _cancellationToken) is not { HasValue: true, Value: string keyText })
            {
                return Fail();
            }

            var value = Read(valueExpression);
            if (!_complete)
            {
                return null;
            }

            if (value is not null)
            {
                mapping.Set(new TypedEntry(keyText, value, element.GetLocation()));
            }
        }

        return mapping;
    }

    private TypedValue? ReadCollectionExpression(CollectionExpressionSyntax collection)
    {
        var items = new List<ExpressionSyntax>();
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expressionElement)
            {
                return Fail(); // A spread: its items are not in the initializer.
            }

            items.Add(expressionElement.Expression);
        }

        return ReadItems(items, collection);
    }

    private TypedValue? ReadItems(IEnumerable<ExpressionSyntax> expressions, SyntaxNode owner)
    {
        var items = new List<TypedValue>();
        foreach (var expression in expressions)
        {
            var item = Read(expression);
            if (item is null)
            {
                return Fail(); // A null item is serialized as null and rejected by the API; do not guess.
            }

            items.Add(item);
        }

        return new TypedSequence(items, owner.GetLocation());
    }

    private bool HasArgumentOfCollectionType(BaseObjectCreationExpressionSyntax creation)
        => creation.ArgumentList?.Arguments.Any(a =>
            _model.GetTypeInfo(a.Expression, _cancellationToken).Type is INamedTypeSymbol argumentType
            && argumentType.SpecialType != SpecialType.System_String
            && Implements(argumentType, "IEnumerable", 0)) == true;

    private static bool Implements(INamedTypeSymbol type, string interfaceName, int arity)
        => (type.TypeKind == TypeKind.Interface && type.Name == interfaceName && type.Arity == arity)
            || type.AllInterfaces.Any(i => i.Name == interfaceName && i.Arity == arity);

    private static string JsonName(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute");
        if (attribute is { ConstructorArguments: [{ Value: string name }] })
        {
            return name;
        }

        return property.Name.Length == 0 ? property.Name : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
    }
}
