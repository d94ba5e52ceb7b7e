using System.Globalization;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateLimitRange</c> (pkg/apis/core/validation/validation.go) after <c>SetDefaults_LimitRangeItem</c>
/// (pkg/apis/core/v1/defaults.go): for Container limits a missing default is the max, and a missing default request
/// the default or else the min, before min, max, defaults and ratios are compared. How a LimitRange admits pods is
/// the simulator's business; this is the object's own validation.
/// </summary>
public sealed class LimitRangeValidation : ObjectValidation
{
    private static readonly HashSet<string> StandardTypes = new(StringComparer.Ordinal) { "Pod", "Container", "PersistentVolumeClaim" };
    private static readonly DecimalNumber One = DecimalNumber.FromInt64(1);

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "LimitRange")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in context.Root.Child("spec", "limits").Items())
        {
            var typeField = item.Child("type");
            var type = typeField.String ?? string.Empty;
            ValidateTypeName(context, typeField, type);
            if (!types.Add(type))
            {
                context.Duplicate(typeField, type);
            }

            ValidateItem(context, item, type);
        }
    }

    /// <summary><c>validateLimitRangeTypeName</c>.</summary>
    private static void ValidateTypeName(ValidationContext context, Field field, string type)
    {
        var problems = Syntax.IsQualifiedName(type);
        context.Invalid(field, type, problems);
        if (problems.Count == 0 && type.IndexOf('/') < 0 && !StandardTypes.Contains(type))
        {
            context.Invalid(field, type, "must be a standard limit type or fully qualified");
        }
    }

    private static void ValidateItem(ValidationContext context, Field item, string type)
    {
        var max = Section(context, item, "max", type);
        var min = Section(context, item, "min", type);
        var defaults = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var defaultRequests = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (type == "Pod")
        {
            foreach (var section in new[] { "default", "defaultRequest" })
            {
                if (item.Child(section).Count > 0)
                {
                    context.Forbidden(item.Child(section), "may not be specified when `type` is 'Pod'");
                }
            }
        }
        else
        {
            defaults = Section(context, item, "default", type);
            defaultRequests = Section(context, item, "defaultRequest", type);
        }

        if (type == "Container")
        {
            // SetDefaults_LimitRangeItem, in upstream's order.
            Fill(defaults, max, item.Child("default"));
            Fill(defaultRequests, defaults, item.Child("defaultRequest"));
            Fill(defaultRequests, min, item.Child("defaultRequest"));
        }

        if (type == "PersistentVolumeClaim" && !min.ContainsKey("storage") && !max.ContainsKey("storage"))
        {
            context.Required(item.Child("limits"), "either minimum or maximum storage value is required, but neither was provided");
        }

        var ratios = Section(context, item, "maxLimitRequestRatio", type);
        var keys = new SortedSet<string>(min.Keys.Concat(max.Keys).Concat(defaults.Keys).Concat(defaultRequests.Keys).Concat(ratios.Keys), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Compare(context, key, min, max, defaults, defaultRequests, ratios);
        }
    }

    private static void Compare(
        ValidationContext context, string key, Dictionary<string, Entry> min, Dictionary<string, Entry> max,
        Dictionary<string, Entry> defaults, Dictionary<string, Entry> defaultRequests, Dictionary<string, Entry> ratios)
    {
        var hasMin = min.TryGetValue(key, out var minimum);
        var hasMax = max.TryGetValue(key, out var maximum);
        var hasDefault = defaults.TryGetValue(key, out var @default);
        var hasRequest = defaultRequests.TryGetValue(key, out var request);
        var hasRatio = ratios.TryGetValue(key, out var ratio);
        if (hasMin && hasMax && minimum.Amount > maximum.Amount)
        {
            Invalid(context, minimum, minimum, $"min value {minimum.Text} is greater than max value {maximum.Text}");
        }

        if (hasRequest && hasMin && minimum.Amount > request.Amount)
        {
            Invalid(context, request, request, $"min value {minimum.Text} is greater than default request value {request.Text}");
        }

        if (hasRequest && hasMax && request.Amount > maximum.Amount)
        {
            Invalid(context, request, request, $"default request value {request.Text} is greater than max value {maximum.Text}");
        }

        if (hasRequest && hasDefault && request.Amount > @default.Amount)
        {
            Invalid(context, request, request, $"default request value {request.Text} is greater than default limit value {@default.Text}");
        }

        if (hasDefault && hasMin && minimum.Amount > @default.Amount)
        {
            Invalid(context, @default, minimum, $"min value {minimum.Text} is greater than default value {@default.Text}");
        }

        if (hasDefault && hasMax && @default.Amount > maximum.Amount)
        {
            Invalid(context, @default, maximum, $"default value {@default.Text} is greater than max value {maximum.Text}");
        }

        if (hasRatio && ratio.Amount < One)
        {
            Invalid(context, ratio, ratio, $"ratio {ratio.Text} is less than 1");
        }

        if (hasRatio && hasMin && hasMax)
        {
            // Upstream compares milli-values as float64: a zero min makes the limit infinite.
            var limit = (double)maximum.Quantity.MilliValue / minimum.Quantity.MilliValue;
            if (ratio.Quantity.MilliValue / 1000.0 > limit)
            {
                Invalid(context, ratio, ratio, $"ratio {ratio.Text} is greater than max/min = {limit.ToString("F6", CultureInfo.InvariantCulture)}");
            }
        }

        if (!ResourceNames.IsNative(key) || key.StartsWith("hugepages-", StringComparison.Ordinal))
        {
            if (hasDefault && hasRequest && @default.Amount != request.Amount)
            {
                Invalid(context, request, request, $"default value {@default.Text} must equal to defaultRequest value {request.Text} in {key}");
            }
        }
    }

    /// <summary>The entries of one section, with their resource names checked (<c>validateLimitRangeResourceName</c>).</summary>
    private static Dictionary<string, Entry> Section(ValidationContext context, Field item, string name, string type)
    {
        var section = item.Child(name);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (key, value) in section.Entries())
        {
            if (type is "Pod" or "Container")
            {
                ResourceNames.ValidateContainerResourceName(context, section.Key(key), key, value.KeyNode);
            }
            else
            {
                ResourceNames.ValidateResourceName(context, section.Key(key), key, value.KeyNode);
            }

            if (DecodedQuantity.TryReadListEntry(value, out var quantity))
            {
                entries[key] = new Entry(section.Key(key), value, quantity);
            }
        }

        return entries;
    }

    /// <summary>Copies entries missing from <paramref name="target"/>, as defaulted values of <paramref name="at"/>.</summary>
    private static void Fill(Dictionary<string, Entry> target, Dictionary<string, Entry> source, Field at)
    {
        foreach (var pair in source)
        {
            if (!target.ContainsKey(pair.Key))
            {
                target[pair.Key] = pair.Value with { Path = at.Key(pair.Key) };
            }
        }
    }

    /// <summary>An error at the entry <paramref name="path"/> names, printing <paramref name="value"/>'s quantity.</summary>
    private static void Invalid(ValidationContext context, Entry path, Entry value, string detail)
        => context.Report(path.Path, FieldErrorType.Invalid, GoValue.Raw(value.Text), detail, at: path.Value.Anchor);

    private readonly record struct Entry(Field Path, Field Value, DecodedQuantity Quantity)
    {
        public DecimalNumber Amount => Quantity.Amount;

        public string Text => Quantity.ToString();
    }
}
