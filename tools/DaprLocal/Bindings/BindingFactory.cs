using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// The binding types DaprLocal runs and which side each has: <c>bindings.cron</c> is input only,
/// <c>bindings.localstorage</c> and <c>bindings.smtp</c> are output only, as in daprd. Types match
/// case-insensitively, as daprd's registry does. A <c>direction</c> metadata (<c>input</c>,
/// <c>output</c>, <c>input, output</c>) must include the side asked for.
/// </summary>
public static class BindingFactory
{
    private const string Cron = "bindings.cron";
    private const string LocalStorage = "bindings.localstorage";
    private const string Smtp = "bindings.smtp";

    public static bool IsSupported(string type) => SupportsInput(type) || SupportsOutput(type);

    /// <summary>Whether <paramref name="type"/> can produce events for the app.</summary>
    public static bool SupportsInput(string type) => Is(type, Cron);

    /// <summary>Whether <paramref name="type"/> can be invoked by the app.</summary>
    public static bool SupportsOutput(string type) => Is(type, LocalStorage) || Is(type, Smtp);

    /// <summary>An output binding for <paramref name="component"/>, not yet initialised.</summary>
    public static IOutputBinding CreateOutput(ComponentDefinition component, ILoggerFactory? loggerFactory = null)
    {
        Check(component, "output", SupportsOutput);
        return Is(component.Type, LocalStorage)
            ? new LocalStorageOutputBinding(component)
            : new SmtpOutputBinding(component, loggerFactory?.CreateLogger<SmtpOutputBinding>());
    }

    /// <summary>An input binding for <paramref name="component"/>, not yet initialised.</summary>
    public static IInputBinding CreateInput(ComponentDefinition component, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        Check(component, "input", SupportsInput);
        return new CronInputBinding(component, timeProvider, loggerFactory?.CreateLogger<CronInputBinding>());
    }

    private static void Check(ComponentDefinition component, string side, Func<string, bool> supportsSide)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!IsSupported(component.Type))
        {
            throw new ComponentConfigurationException(component,
                $"binding type '{component.Type}' is not supported by DaprLocal (supported: {Cron} as input; {LocalStorage}, {Smtp} as output).");
        }
        if (!supportsSide(component.Type))
        {
            var other = side == "input" ? "output" : "input";
            throw new ComponentConfigurationException(component,
                $"{component.Type} is an {other} binding only; it cannot be used as an {side} binding. Set direction: {other}, or leave direction out.");
        }
        if (component.Version is not ("" or "v0" or "v1" or "V0" or "V1"))
        {
            throw new ComponentConfigurationException(component, $"version '{component.Version}' does not exist for {component.Type}; use v1.");
        }
        if (component.Get("direction") is { } direction)
        {
            var sides = direction.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.ToLowerInvariant())
                .ToArray();
            if (sides.FirstOrDefault(part => part is not ("input" or "output")) is { } unknown)
            {
                throw new ComponentConfigurationException(component, $"direction '{unknown}' is neither input nor output.");
            }
            if (!sides.Contains(side))
            {
                throw new ComponentConfigurationException(component, $"direction '{direction}' does not include {side}.");
            }
        }
    }

    private static bool Is(string type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);
}
