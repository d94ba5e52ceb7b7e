namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidatePersistentVolumeClaim</c> (pkg/apis/core/validation/validation.go) after
/// <c>SetDefaults_PersistentVolumeClaimSpec</c> (volume mode Filesystem) and what the strategy's
/// <c>PrepareForCreate</c> does to the data sources (pkg/api/persistentvolumeclaim/util.go): <c>DropDisabledFields</c>
/// drops a cross-namespace <c>dataSourceRef</c> (CrossNamespaceVolumeDataSource is off by default in 1.30-1.35),
/// <c>EnforceDataSourceBackwardsCompatibility</c> silently drops a <c>dataSource</c> that is neither a claim nor a
/// VolumeSnapshot when no <c>dataSourceRef</c> is given, and <c>NormalizeDataSources</c> copies each into the other
/// when only one is left, so both are validated.
/// </summary>
public sealed class PersistentVolumeClaimValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "PersistentVolumeClaim")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view) => view.Default(view.Ensure(view.Root.Child("spec")), "volumeMode", "Filesystem");

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        Field? dataSource = spec.Child("dataSource");
        Field? dataSourceRef = spec.Child("dataSourceRef");
        if (!dataSourceRef.IsSet || dataSourceRef.Child("namespace").String is { Length: > 0 })
        {
            dataSourceRef = null;
        }

        if (!dataSource.IsSet || (dataSourceRef is null && !IsClaimOrSnapshot(dataSource)))
        {
            dataSource = null;
        }

        if (dataSource is not null && dataSourceRef is null)
        {
            dataSourceRef = dataSource.WithPath(spec.Child("dataSourceRef"));
        }
        else if (dataSourceRef is not null && dataSource is null)
        {
            dataSource = dataSourceRef.WithPath(spec.Child("dataSource"));
        }

        PersistentVolumeClaimSpecValidation.Validate(context, spec, dataSource, dataSourceRef);
    }

    /// <summary><c>dataSourceIsPvcOrSnapshot</c>.</summary>
    private static bool IsClaimOrSnapshot(Field dataSource)
    {
        var kind = dataSource.Child("kind").String;
        var apiGroup = dataSource.Child("apiGroup").String ?? string.Empty;
        return (kind == "PersistentVolumeClaim" && apiGroup.Length == 0) || (kind == "VolumeSnapshot" && apiGroup == "snapshot.storage.k8s.io");
    }
}
