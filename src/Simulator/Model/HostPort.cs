namespace KubeLint.Simulator.Model;

/// <summary>A requested host port; "0.0.0.0" (or empty) conflicts with every address, as the NodePorts filter checks.</summary>
public readonly record struct HostPort(string Protocol, string HostIp, int Port)
{
    public bool ConflictsWith(HostPort other)
        => Port == other.Port && Protocol == other.Protocol
           && (HostIp == other.HostIp || IsWildcard(HostIp) || IsWildcard(other.HostIp));

    private static bool IsWildcard(string ip) => ip.Length == 0 || ip == "0.0.0.0";
}
