namespace KubeLint.Rules.Common;

/// <summary>Where a container sits in the pod spec.</summary>
internal enum ContainerKind
{
    /// <summary>An entry of spec.containers.</summary>
    App,

    /// <summary>An init container that runs to completion before the app containers.</summary>
    Init,

    /// <summary>An init container with restartPolicy: Always, which keeps running beside the app containers.</summary>
    Sidecar,
}
