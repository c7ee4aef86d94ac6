using System.Text.Json;

namespace Ecommerce.ServiceDefaults.Validation;

/// <summary>
/// FluentValidation names fields after C# properties (<c>Lines[0].Quantity</c>); clients sent
/// camelCase JSON, so errors are keyed the way the client wrote them (<c>lines[0].quantity</c>).
/// </summary>
public static class JsonFieldPath
{
    public static string FromPropertyPath(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        var segments = propertyPath.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = JsonNamingPolicy.CamelCase.ConvertName(segments[i]);
        }
        return string.Join('.', segments);
    }
}
