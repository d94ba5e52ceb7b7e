using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KubeLint.Analyzer.Cel;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Re2;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Benchmarks;

/// <summary>
/// Figures of the RE2 matcher and of CEL coverage.
///   ... -- --re2                 ^(a+)+$ against "aaa...a!" of growing length, RE2 matcher and .NET's backtracking Regex
///   ... -- --cel-coverage PATH   how many x-kubernetes-validations rules of the CRDs under PATH the CEL engine compiles
/// </summary>
internal static class PatternAndCelFigures
{
    public static int PrintRe2()
    {
        const string pattern = "^(a+)+$";
        Re2Regex.TryCompile(pattern, out var regex, out _);
        Console.WriteLine($"pattern {pattern}, input a...a! (no match), best of 3");
        Console.WriteLine("length       RE2 matcher      ns/char   .NET Regex (100 ms timeout)");
        foreach (var length in new[] { 10, 20, 25, 1_000, 10_000, 100_000, 1_000_000 })
        {
            var input = new string('a', length) + "!";
            var best = TimeSpan.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                if (regex!.IsMatch(input))
                {
                    throw new InvalidOperationException("the pattern must not match");
                }

                best = watch.Elapsed < best ? watch.Elapsed : best;
            }

            Console.WriteLine($"{length,9:N0}  {best.TotalMilliseconds,12:F3} ms  {best.TotalMilliseconds * 1e6 / length,9:F1}   {DotNet(pattern, input)}");
        }

        return 0;
    }

    private static string DotNet(string pattern, string input)
    {
        var dotnet = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        try
        {
            var matched = dotnet.IsMatch(input);
            return $"{watch.Elapsed.TotalMilliseconds:F3} ms ({(matched ? "match" : "no match")})";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"timed out after {watch.Elapsed.TotalMilliseconds:F0} ms";
        }
    }

    public static int PrintCelCoverage(IReadOnlyList<string> roots)
    {
        var loader = new ManifestLoader();
        var rules = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in InputResolver.Resolve(roots, new List<string>()))
        {
            foreach (var obj in loader.Load(path, File.ReadAllBytes(path)).Objects.Where(o => o.Is("apiextensions.k8s.io", "CustomResourceDefinition")))
            {
                Collect(obj.Root, rules);
            }
        }

        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var distinct = 0;
        var compiled = 0;
        var oldSelf = 0;
        foreach (var rule in rules.Keys)
        {
            distinct++;
            if (new CelRule(rule, null, null, null, null).UsesOldSelf)
            {
                oldSelf++;
                continue;
            }

            if (CelEngine.CompileError(rule) is { } error)
            {
                var reason = error.Length > 110 ? error.Substring(0, 110) : error;
                failures[reason] = failures.TryGetValue(reason, out var n) ? n + 1 : 1;
            }
            else
            {
                compiled++;
            }
        }

        var occurrences = rules.Values.Sum();
        Console.WriteLine($"{occurrences.ToString(CultureInfo.InvariantCulture)} rules in CRDs, {distinct} distinct: {oldSelf} transition rules (oldSelf, skipped on create as the server does), {compiled} compiled, {distinct - oldSelf - compiled} not compiled");
        foreach (var (reason, count) in failures.OrderByDescending(f => f.Value))
        {
            Console.WriteLine($"  {count,4}  {reason}");
        }

        return 0;
    }

    private static void Collect(YamlNode node, SortedDictionary<string, int> rules)
    {
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText == "x-kubernetes-validations" && entry.Value is YamlSequence list)
                    {
                        foreach (var rule in list.Mappings.Select(m => m.GetString("rule")).OfType<string>())
                        {
                            rules[rule] = rules.TryGetValue(rule, out var n) ? n + 1 : 1;
                        }
                    }
                    else
                    {
                        Collect(entry.Value, rules);
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, rules);
                }

                break;
            default:
                break;
        }
    }
}
