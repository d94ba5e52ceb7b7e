namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// The path checks of pkg/apis/core/validation/validation.go: <c>validateLocalDescendingPath</c>,
/// <c>validatePathNoBacksteps</c> and <c>ValidateLocalNonReservedPath</c>. The API server runs on Linux, where
/// <c>filepath.ToSlash</c> changes nothing, so only '/' separates elements.
/// </summary>
internal static class PathValidation
{
    /// <summary><c>validateLocalDescendingPath</c>: relative, without ".." elements.</summary>
    public static void LocalDescending(ValidationContext context, Field field, string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            context.Invalid(field, path, "must be a relative path");
        }

        NoBacksteps(context, field, path);
    }

    /// <summary><c>validatePathNoBacksteps</c>: one error however many ".." elements there are.</summary>
    public static void NoBacksteps(ValidationContext context, Field field, string path)
    {
        if (HasBacksteps(path))
        {
            context.Invalid(field, path, "must not contain '..'");
        }
    }

    public static bool HasBacksteps(string path) => path.Split('/').Contains("..");

    /// <summary><c>ValidateLocalNonReservedPath</c>: also no leading ".." (reserved for the atomic writer's "..data").</summary>
    public static void LocalNonReserved(ValidationContext context, Field field, string path)
    {
        LocalDescending(context, field, path);
        if (path.StartsWith("..", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal))
        {
            context.Invalid(field, path, "must not start with '..'");
        }
    }
}
