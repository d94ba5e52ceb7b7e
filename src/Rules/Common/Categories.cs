namespace KubeLint.Rules.Common;

/// <summary>The catalog sections of the rules in this library.</summary>
internal static class Categories
{
    public const string ProbesAndResources = "Probes and resources";

    public const string Workloads = "Rollout strategies, jobs and schedules";

    public const string Security = "Security and image hygiene";
}
