using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// The cluster's NodePort range (kube-apiserver's <c>--service-node-port-range</c>, 30000-32767 unless configured),
/// read from the <c>nodePortRange</c> parameter of the invalid-value rule (KL1106), e.g.
/// <c>rules: { invalid-value: { parameters: { nodePortRange: 20000-22767 } } }</c>. A value that is not
/// "LOW-HIGH" with 1 &lt;= LOW &lt;= HIGH &lt;= 65535 keeps the default, as an unusable flag value would not start the server.
/// </summary>
public readonly record struct NodePortRange(int Low, int High)
{
    public const string ParameterName = "nodePortRange";

    public static NodePortRange Default { get; } = new(30000, 32767);

    public static NodePortRange From(AnalysisOptions options)
        => TryParse(options.Parameter(SchemaRules.InvalidValue, ParameterName), out var range) ? range : Default;

    /// <summary>Reads "LOW-HIGH" (utilnet.ParsePortRange also takes a single port as a range of one, and "LOW+SIZE").</summary>
    public static bool TryParse(string? text, out NodePortRange range)
    {
        range = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text!.Trim();
        var plus = value.IndexOf('+');
        var dash = value.IndexOf('-');
        int low, high;
        if (plus > 0)
        {
            if (!TryPort(value.Substring(0, plus), out low) || !int.TryParse(value.Substring(plus + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return false;
            }

            high = low + size;
        }
        else if (dash > 0)
        {
            if (!TryPort(value.Substring(0, dash), out low) || !TryPort(value.Substring(dash + 1), out high))
            {
                return false;
            }
        }
        else if (TryPort(value, out low))
        {
            high = low;
        }
        else
        {
            return false;
        }

        if (high < low || high > 65535)
        {
            return false;
        }

        range = new NodePortRange(low, high);
        return true;
    }

    public bool Contains(long port) => port >= Low && port <= High;

    /// <summary>As <c>net.PortRange.String()</c> prints it in the allocator's error.</summary>
    public override string ToString() => Low.ToString(CultureInfo.InvariantCulture) + "-" + High.ToString(CultureInfo.InvariantCulture);

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
