using System.Diagnostics.CodeAnalysis;

namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// The static type of an expression, known when it is parsed. <see cref="Dyn"/> is CEL's <c>dyn</c>:
/// a value whose type is only known when the expression is evaluated, such as a field of a JSON document.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are CEL's own type names.")]
public enum CelType
{
    Bool,
    Int,
    Double,
    String,
    Null,
    Dyn,
}

internal static class CelTypeNames
{
    /// <summary>The type as error messages name it: "'&lt;' compares an integer with a boolean".</summary>
    public static string Describe(this CelType type) => type switch
    {
        CelType.Bool => "a boolean",
        CelType.Int => "a number",
        CelType.Double => "a double",
        CelType.String => "a string",
        CelType.Null => "null",
        _ => "a value of any type",
    };
}
