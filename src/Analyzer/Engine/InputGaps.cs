using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Engine;

/// <summary>
/// The documents of one run that could not be read, and the findings rules held back because of them. A document
/// whose namespace is known can hide objects of that namespace and objects without a namespace, which land wherever
/// they are applied (as the rules' own namespace matching has it); a document without a namespace lands wherever it
/// is applied, so it can hide objects of any namespace; one whose namespace could not be read is taken to belong
/// with the objects of its own file.
/// </summary>
public sealed class InputGaps
{
    private const int NamedDocuments = 3;

    private readonly IReadOnlyList<UnreadableDocument> _documents;

    // Indexes, so that a check costs the documents that may affect the subject, not all of them.
    private readonly Dictionary<string, List<UnreadableDocument>> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<UnreadableDocument> _withoutNamespace = [];
    private readonly Dictionary<string, List<UnreadableDocument>> _unknownByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<RuleDescriptor, (int Count, SortedSet<UnreadableDocument> Documents)> _heldBack = [];
    private readonly object _lock = new();

    public InputGaps(IEnumerable<UnreadableDocument> documents)
    {
        _documents = documents.ToList();
        foreach (var document in _documents)
        {
            if (document.NamespaceKnown && document.Namespace is null)
            {
                _withoutNamespace.Add(document);
                continue;
            }

            var (index, key) = document.Namespace is { } ns ? (_byNamespace, ns) : (_unknownByFile, document.Location.FilePath);
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index[key] = list;
            }

            list.Add(document);
        }
    }

    public static InputGaps None { get; } = new([]);

    public IReadOnlyList<UnreadableDocument> Documents => _documents;

    /// <summary>True (and remembered for <see cref="Notices"/>) when an unreadable document may change a conclusion about <paramref name="subject"/>.</summary>
    public bool HoldsBack(RuleDescriptor rule, KubeObject subject)
    {
        if (_documents.Count == 0)
        {
            return false;
        }

        var affecting = Affecting(subject);
        if (affecting.Count == 0)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_heldBack.TryGetValue(rule, out var entry))
            {
                entry = (0, new SortedSet<UnreadableDocument>(DocumentOrder.Instance));
            }

            entry.Documents.UnionWith(affecting);
            _heldBack[rule] = (entry.Count + 1, entry.Documents);
        }

        return true;
    }

    /// <summary>One KL1013 finding per rule that held back, at the first document that made it, in rule id order.</summary>
    public IEnumerable<Finding> Notices(AnalysisOptions options)
    {
        var notice = EngineRules.ConclusionsHeldBack;
        if (!options.IsEnabled(notice))
        {
            yield break;
        }

        foreach (var pair in _heldBack.OrderBy(p => p.Key.Id, StringComparer.Ordinal))
        {
            var (count, documents) = pair.Value;
            var named = string.Join(", ", documents.Take(NamedDocuments));
            var more = documents.Count > NamedDocuments ? $" and {documents.Count - NamedDocuments} more" : string.Empty;
            var message = $"{pair.Key.Id} {pair.Key.Name} held back {count} finding{(count == 1 ? string.Empty : "s")} that "
                + $"the unreadable document{(documents.Count == 1 ? string.Empty : "s")} at {named}{more} could change";
            yield return new Finding(notice, options.SeverityOf(notice), message, documents.Min!.Location, null);
        }
    }

    /// <summary>
    /// The documents without a namespace, those of the subject's namespace (of every namespace for a subject without
    /// one), and those of unknown namespace in the subject's file.
    /// </summary>
    private List<UnreadableDocument> Affecting(KubeObject subject)
    {
        var result = new List<UnreadableDocument>(_withoutNamespace);
        if (subject.Namespace is null)
        {
            result.AddRange(_byNamespace.Values.SelectMany(d => d));
        }
        else if (_byNamespace.TryGetValue(subject.Namespace, out var inNamespace))
        {
            result.AddRange(inNamespace);
        }

        if (_unknownByFile.TryGetValue(subject.File.Path, out var inFile))
        {
            result.AddRange(inFile);
        }

        return result;
    }

    private sealed class DocumentOrder : IComparer<UnreadableDocument>
    {
        public static DocumentOrder Instance { get; } = new();

        public int Compare(UnreadableDocument? x, UnreadableDocument? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var c = string.CompareOrdinal(x.Location.FilePath, y.Location.FilePath);
            return c != 0 ? c : x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        }
    }
}
