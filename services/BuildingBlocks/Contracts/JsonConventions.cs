using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecommerce.Contracts;

/// <summary>
/// The one JSON convention of the platform: camelCase names, enums as strings. HTTP APIs,
/// Dapr state values and published events all use it, so a value written by one service
/// reads the same in every other.
/// </summary>
public static class JsonConventions
{
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the convention to options owned by a framework (minimal APIs, DaprClient).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }
        return options;
    }
}
