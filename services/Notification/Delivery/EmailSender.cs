using System.Globalization;
using System.Text;
using Ecommerce.Contracts;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Delivery;

/// <summary>
/// Sends an email through the <c>email</c> output binding (operation <c>create</c>). Files
/// (<c>bindings.localstorage</c>): the whole RFC 5322 message, base64-encoded because that binding decodes
/// valid base64 (so the bytes arrive exactly), in <c>{time}-{deliveryId}.eml</c>. SMTP (<c>bindings.smtp</c>):
/// metadata <c>emailTo</c>, <c>subject</c> (and <c>emailFrom</c> when configured), the body as HTML.
/// </summary>
public sealed class EmailSender(IOutputBindings bindings, BindingModes modes, IOptions<NotificationOptions> options)
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value.Email;
        var mode = await modes.ResolveAsync(Components.EmailBinding, settings.Mode, cancellationToken);
        if (mode == BindingMode.File)
        {
            var eml = Rfc5322Message.Compose(message, string.IsNullOrWhiteSpace(settings.From) ? EmailOptions.DefaultFrom : settings.From);
            var fileName = $"{message.Date.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{message.Id}.eml";
            await bindings.InvokeAsync(Components.EmailBinding, "create", Encoding.ASCII.GetBytes(Convert.ToBase64String(eml)),
                new Dictionary<string, string> { ["fileName"] = fileName }, cancellationToken);
            return;
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["emailTo"] = message.To,
            ["subject"] = message.Subject,
        };
        if (!string.IsNullOrWhiteSpace(settings.From))
        {
            metadata["emailFrom"] = settings.From;
        }
        await bindings.InvokeAsync(Components.EmailBinding, "create", Encoding.UTF8.GetBytes(Rfc5322Message.HtmlBody(message.Body)), metadata, cancellationToken);
    }
}
