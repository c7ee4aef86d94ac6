namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// Reads a declared path (<c>["event", "type"]</c>) when an expression is evaluated. It returns a value of
/// the type the <see cref="CelDialect"/> declared for the path, or null for an evaluation error.
/// </summary>
public delegate CelValue? CelResolver(IReadOnlyList<string> path);
