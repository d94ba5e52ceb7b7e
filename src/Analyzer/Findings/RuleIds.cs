namespace KubeLint.Analyzer.Findings;

/// <summary>
/// The one catalog of rule ids. Ranges: KL1xxx input and schema, KL2xxx selectors and references,
/// KL3xxx probes and resources, KL4xxx rollout strategies, jobs and schedules, KL5xxx simulation predictions,
/// KL6xxx security and image hygiene. Ids are never reused for a different meaning.
/// </summary>
public static class RuleIds
{
    // Input problems (loader).
    public const string YamlSyntaxError = "KL1001";
    public const string DuplicateKey = "KL1002";
    public const string MissingTypeMeta = "KL1003";
    public const string DocumentNotMapping = "KL1004";
    public const string TabIndentation = "KL1005";
    public const string UnrenderedTemplate = "KL1006";
    public const string UnreadableEncoding = "KL1007";
    public const string InputLimitExceeded = "KL1008";
    public const string NotAManifest = "KL1012";
    public const string UnreadableInput = "KL1020";

    // Engine and output.
    public const string UnusedSuppression = "KL1009";
    public const string OutputTruncated = "KL1010";
    public const string InvalidConfiguration = "KL1011";
    public const string ConclusionsHeldBack = "KL1013";

    // Repositories: kustomizations and Helm charts.
    public const string KustomizationNotBuilt = "KL1014";
    public const string KustomizeBuildFailed = "KL1015";
    public const string HelmChartNotRendered = "KL1016";

    // Schema validation.
    public const string ApiNotServed = "KL1101";
    public const string UnknownField = "KL1102";
    public const string TypeMismatch = "KL1103";
    public const string RequiredFieldMissing = "KL1104";
    public const string InvalidEnumValue = "KL1105";
    public const string InvalidValue = "KL1106";
    public const string InvalidQuantity = "KL1107";
    public const string DuplicateListKey = "KL1108";
    public const string UnknownKind = "KL1109";
    public const string InvalidName = "KL1110";
    public const string InvalidLabel = "KL1111";
    public const string ValueOutOfBounds = "KL1112";
    public const string CelRuleNotEvaluated = "KL1113";
    public const string IntegerOverflow = "KL1114";

    // Selectors and references.
    public const string SelectorTemplateMismatch = "KL2001";
    public const string ServiceSelectsNothing = "KL2002";
    public const string ServiceTargetPortMissing = "KL2003";
    public const string PdbSelectsNothing = "KL2004";
    public const string NetworkPolicySelectsNothing = "KL2005";
    public const string HpaTargetMissing = "KL2006";
    public const string IngressBackendMissing = "KL2007";
    public const string MissingReference = "KL2008";
    public const string OverlappingSelectors = "KL2009";
    public const string HpaMissingRequest = "KL2010";
    public const string AffinitySelectsNothing = "KL2011";

    // Probes and resources.
    public const string MissingReadinessProbe = "KL3001";
    public const string MissingLivenessProbe = "KL3002";
    public const string IdenticalLivenessReadiness = "KL3003";
    public const string ProbePortNotExposed = "KL3004";
    public const string ProbeTiming = "KL3005";
    public const string MissingRequests = "KL3006";
    public const string MissingMemoryLimit = "KL3007";
    public const string RequestsExceedLimits = "KL3008";
    public const string SuspiciousQuantity = "KL3009";

    // Rollout strategies, jobs and schedules.
    public const string RollingUpdateZeroZero = "KL4001";
    public const string InvalidStrategy = "KL4002";
    public const string InvalidCronSchedule = "KL4003";
    public const string CronTimeZone = "KL4004";
    public const string CronNeverRuns = "KL4005";
    public const string JobMisconfigured = "KL4006";

    // Simulation predictions.
    public const string PodUnschedulable = "KL5001";
    public const string RolloutStuck = "KL5002";
    public const string RolloutDowntime = "KL5003";
    public const string ClaimUnbound = "KL5004";
    public const string AdmissionRejected = "KL5005";
    public const string AdmissionWarning = "KL5006";
    public const string ServiceSwitchGap = "KL5007";

    // Security and image hygiene.
    public const string PrivilegedContainer = "KL6001";
    public const string PrivilegeEscalation = "KL6002";
    public const string RunAsRoot = "KL6003";
    public const string HostNamespace = "KL6004";
    public const string LatestImageTag = "KL6005";
    public const string WritableRootFilesystem = "KL6006";
    public const string DangerousCapabilities = "KL6007";
    public const string HostPathVolume = "KL6008";
}
