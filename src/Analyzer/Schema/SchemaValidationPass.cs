using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Validates every object against the Kubernetes API schema of <see cref="AnalysisOptions.KubernetesVersion"/>,
/// plus CustomResourceDefinitions found in the input or given as <paramref name="extraDefinitions"/>, then runs the
/// API server's own defaulting and validation on it (<see cref="ApiValidation"/>). Definitions that
/// <paramref name="loaded"/> validated while they loaded are not validated again: their findings are merged at their
/// place in the input order, as if validated here.
/// </summary>
public sealed class SchemaValidationPass(IReadOnlyList<KubeObject>? extraDefinitions = null, LoadedDefinitions? loaded = null) : AnalysisPass
{
    /// <summary>Kubernetes minor versions with a bundled schema, oldest first.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35"];

    // The run an object validated on its own belongs to: validation reads only its object.
    private static readonly ObjectIndex NoObjects = new([]);

    public IReadOnlyList<KubeObject> ExtraDefinitions { get; } = extraDefinitions ?? [];

    public override IReadOnlyList<RuleDescriptor> Rules { get; } = SchemaRules.All;

    /// <summary>
    /// The bundled minor version for a user's input ("1.33", "v1.33", "1.33.4"); null when the version is not
    /// bundled, so callers can report it with <see cref="SupportedVersions"/>.
    /// </summary>
    public static string? ResolveVersion(string? requested)
    {
        if (requested is null)
        {
            return SupportedVersions[SupportedVersions.Count - 1];
        }

        var text = requested.Trim();
        if (text.StartsWith("v", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(1);
        }

        var parts = text.Split('.');
        var minor = parts.Length >= 2 ? parts[0] + "." + parts[1] : text;
        return SupportedVersions.Contains(minor, StringComparer.Ordinal) ? minor : null;
    }

    public override void Run(AnalysisContext context)
    {
        var version = VersionOf(context.Options);
        var bundle = SchemaBundle.For(version);
        var apiVersion = KubernetesVersion.Parse(version);
        if (loaded is not null && !ReferenceEquals(loaded.Options, context.Options))
        {
            throw new InvalidOperationException("the definitions were validated while loading with other options than this run's");
        }

        var customResources = new CustomResourceSchemas(bundle, ExtraDefinitions.Concat(context.Objects));
        var objects = context.Objects;

        // Schemas are looked up in order (a custom resource's schema is compiled on first use), then every object is
        // validated on its own, in parallel: validation reads only its object, the shared schemas and immutable
        // tables. Each object's findings are collected in a fork and merged in the objects' order, so the output is
        // the same with any number of threads.
        var schemas = new SchemaNode?[objects.Count];
        var builtIn = new bool[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            schemas[i] = bundle.FindKind(objects[i].ApiVersion, objects[i].Kind);
            builtIn[i] = schemas[i] is not null;
            schemas[i] ??= customResources.Find(objects[i].ApiVersion, objects[i].Kind);
        }

        var forks = new AnalysisContext?[objects.Count];
        ParallelWork.For(objects.Count, i =>
        {
            if (loaded is not null && loaded.TryGetValidated(objects[i], out var early))
            {
                forks[i] = early;
            }
            else if (schemas[i] is { } schema)
            {
                forks[i] = Validate(context.Fork(), objects[i], schema, builtIn[i], apiVersion);
            }
        });

        var unknownReported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < objects.Count; i++)
        {
            if (forks[i] is { } fork)
            {
                context.Merge(fork);
            }
            else
            {
                ReportMissingSchema(context, bundle, customResources, objects[i], unknownReported);
            }
        }
    }

    /// <summary>
    /// Validates one built-in object on its own, outside a run, as <see cref="Run"/> would (validation reads only its
    /// object); null when the version has no schema for its kind.
    /// </summary>
    internal static AnalysisContext? ValidateAlone(KubeObject obj, AnalysisOptions options)
    {
        var version = VersionOf(options);
        return SchemaBundle.For(version).FindKind(obj.ApiVersion, obj.Kind) is { } schema
            ? Validate(new AnalysisContext(NoObjects, options), obj, schema, builtIn: true, KubernetesVersion.Parse(version))
            : null;
    }

    private static string VersionOf(AnalysisOptions options)
        => ResolveVersion(options.KubernetesVersion)
            ?? throw new ArgumentException(
                $"Kubernetes version '{options.KubernetesVersion}' is not supported; supported versions: {string.Join(", ", SupportedVersions)}");

    private static AnalysisContext Validate(AnalysisContext context, KubeObject obj, SchemaNode schema, bool builtIn, KubernetesVersion apiVersion)
    {
        var int32Wrapped = new HashSet<YamlScalar>();
        new SchemaWalker(context, obj, builtIn ? apiVersion : null, ApiValidation.ReportsRequiredAndSupportedValues(obj, builtIn, context.Options), int32Wrapped).ValidateRoot(schema);
        var reported = new HashSet<SourcePosition>();
        var undecodable = false;
        foreach (var finding in context.Findings)
        {
            if (finding.RuleId == RuleIds.IntegerOverflow)
            {
                // Only a note on the stored value: validation of that value is still reported there.
                continue;
            }

            reported.Add(finding.Location.Span.Start);
            undecodable |= finding.RuleId == RuleIds.TypeMismatch;
        }

        // A value of the wrong type fails a built-in kind's decoding, before defaulting and validation run; a
        // custom resource is decoded as it is and then validated against its schema.
        if (!(builtIn && undecodable))
        {
            ApiValidation.Run(context, obj, apiVersion, builtIn, reported, int32Wrapped);
        }

        return context;
    }

    private static void ReportMissingSchema(
        AnalysisContext context, SchemaBundle bundle, CustomResourceSchemas customResources, KubeObject obj, HashSet<string> unknownReported)
    {
        var apiVersionNode = obj.Root["apiVersion"] ?? obj.Root;
        if (customResources.ServedVersions(obj.Group, obj.Kind) is { Count: > 0 } served)
        {
            context.Report(
                SchemaRules.ApiNotServed,
                obj,
                apiVersionNode,
                $"apiVersion {obj.ApiVersion} kind {obj.Kind} is not served by its CustomResourceDefinition; use apiVersion {string.Join(" or ", served)}");
            return;
        }

        if (bundle.Groups.Contains(obj.Group) || ApiMigrations.RetiredGroups.Contains(obj.Group))
        {
            var message = $"apiVersion {obj.ApiVersion} kind {obj.Kind} is not served by Kubernetes {bundle.Version}";
            var servedIn = SupportedVersions.Where(v => v != bundle.Version && SchemaBundle.For(v).Serves(obj.ApiVersion, obj.Kind)).ToList();
            if (servedIn.Count > 0)
            {
                message += $" (it is served by Kubernetes {servedIn[0]}{(servedIn.Count > 1 ? " to " + servedIn[servedIn.Count - 1] : string.Empty)})";
            }

            if (ApiMigrations.Replacement(bundle, obj.Group, obj.Kind) is { } replacement)
            {
                message += "; " + replacement;
            }

            if (obj.Is("apiextensions.k8s.io", "CustomResourceDefinition") && customResources.Defines(obj))
            {
                // The server rejects the definition, yet its custom resources are better checked against it than not at all.
                message += "; its schema is still used to validate its custom resources";
            }

            context.Report(SchemaRules.ApiNotServed, obj, apiVersionNode, message);
            return;
        }

        if (unknownReported.Add(obj.ApiVersion + " " + obj.Kind))
        {
            var rule = context.Options.RejectUnknownKinds ? SchemaRules.UnknownKindRejected : SchemaRules.UnknownKind;
            context.Report(rule, obj, obj.Root["kind"] ?? obj.Root, $"no schema for apiVersion {obj.ApiVersion} kind {obj.Kind}: add its CustomResourceDefinition to the input (or --crd) to validate it");
        }
    }
}
