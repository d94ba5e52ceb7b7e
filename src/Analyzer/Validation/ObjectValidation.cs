using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// The API server's defaulting and validation of one group of kinds, modelled on one function group of
/// pkg/apis/&lt;group&gt;/validation (and its <c>SetDefaults_*</c>). Implementations are stateless: one instance
/// serves every object of every run.
/// </summary>
public abstract class ObjectValidation
{
    /// <summary>The area a user can turn off with the configuration's <c>validation:</c> block (<see cref="ValidationAreas"/>).</summary>
    public abstract string Area { get; }

    /// <summary>The kinds this validation applies to, as (API group, kind); built-in kinds only unless stated.</summary>
    public abstract IReadOnlyList<(string Group, string Kind)> Kinds { get; }

    /// <summary>
    /// True when this validation reports every "Required value" and "Unsupported value" the API server returns for
    /// its kinds, in the server's words. The server never checks the OpenAPI documents' <c>required</c> lists (they
    /// come from <c>+required</c> markers, and some mark fields the server defaults or leaves optional, such as a
    /// NetworkPolicy's <c>podSelector</c>) nor any enumeration table; schema validation checks those, as proxies,
    /// only for kinds no such validation covers.
    /// </summary>
    public virtual bool ReportsRequiredAndSupportedValues => false;

    /// <summary>Applies the API's defaults for these kinds to <paramref name="view"/>; runs before any validation.</summary>
    public virtual void Default(ObjectView view)
    {
    }

    /// <summary>Reports every field error the API server would return on create.</summary>
    public abstract void Validate(ValidationContext context);

    /// <summary>Whether the validation applies to <paramref name="obj"/>.</summary>
    public virtual bool AppliesTo(KubeObject obj) => true;
}
