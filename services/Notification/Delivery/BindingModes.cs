using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Delivery;

/// <summary>
/// Which request shape a binding takes: the configured mode, or with <see cref="BindingMode.Auto"/> the one that
/// fits the component type the sidecar reports (<c>bindings.localstorage</c>: files; <c>bindings.smtp</c>: SMTP;
/// anything else: a provider taking the text as data, such as <c>bindings.twilio.sms</c>).
/// </summary>
public sealed class BindingModes(IOutputBindings bindings)
{
    public async Task<BindingMode> ResolveAsync(string binding, BindingMode configured, CancellationToken cancellationToken)
    {
        if (configured != BindingMode.Auto)
        {
            return configured;
        }
        var type = await bindings.TypeOfAsync(binding, cancellationToken)
            ?? throw new OutputBindingException($"The sidecar has no {binding} binding.", transient: true);
        return type switch
        {
            "bindings.localstorage" => BindingMode.File,
            "bindings.smtp" => BindingMode.Smtp,
            _ => BindingMode.Provider,
        };
    }
}
