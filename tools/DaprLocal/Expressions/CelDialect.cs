namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// What an expression may name, as CEL's declarations: <paramref name="TypeOf"/> gives the static type of
/// a path (<c>["event", "data", "total"]</c> for <c>event.data.total</c>), or null when the path is not
/// declared; <paramref name="KnownNames"/> lists the declared names for the error that refuses the others.
/// </summary>
public sealed record CelDialect(Func<IReadOnlyList<string>, CelType?> TypeOf, string KnownNames)
{
    /// <summary>
    /// Whether double literals (<c>2.5</c>, <c>1e3</c>) are allowed. A dialect whose names are all integers
    /// refuses them: a fraction there is a mistake, not a threshold.
    /// </summary>
    public bool AllowsDoubles { get; init; } = true;
}
