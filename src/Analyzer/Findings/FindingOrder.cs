namespace KubeLint.Analyzer.Findings;

/// <summary>The one order every output uses: file, line, column, rule id, then message, so output is byte-for-byte stable.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location.FilePath, y.Location.FilePath);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.Span.End.CompareTo(y.Location.Span.End);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
