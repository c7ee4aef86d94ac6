using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runtime;

public enum BindingDirection
{
    Input,
    Output,
}

/// <summary>
/// Which ways a binding component is used: its <c>direction</c> metadata (<c>input</c>,
/// <c>output</c> or <c>input, output</c>), else what its type can do.
/// </summary>
public static class BindingDirections
{
    private static readonly HashSet<string> InputOnlyTypes = new(StringComparer.OrdinalIgnoreCase) { "bindings.cron" };

    public static IReadOnlyList<BindingDirection> Of(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component.Get("direction") is not { } direction)
        {
            return InputOnlyTypes.Contains(component.Type) ? [BindingDirection.Input] : [BindingDirection.Output];
        }
        return direction.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.ToLowerInvariant() switch
            {
                "input" => BindingDirection.Input,
                "output" => BindingDirection.Output,
                _ => throw new ComponentConfigurationException(component, $"direction '{part}' is neither input nor output."),
            })
            .Distinct()
            .ToArray();
    }
}
