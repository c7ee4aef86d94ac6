using System.Globalization;
using System.Text;
using Ecommerce.Contracts;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Delivery;

/// <summary>
/// Sends a text message through the <c>sms</c> output binding (operation <c>create</c>). Files
/// (<c>bindings.localstorage</c>): <c>{time}-{deliveryId}.txt</c> holding a <c>To:</c> line, a blank line and the
/// text (base64-encoded in the request, as for email). A provider (<c>bindings.twilio.sms</c>): metadata
/// <c>toNumber</c>, the text as data.
/// </summary>
public sealed class SmsSender(IOutputBindings bindings, BindingModes modes, IOptions<NotificationOptions> options)
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mode = await modes.ResolveAsync(Components.SmsBinding, options.Value.Sms.Mode, cancellationToken);
        if (mode == BindingMode.File)
        {
            var file = Encoding.UTF8.GetBytes($"To: {message.To}\n\n{message.Body}\n");
            var fileName = $"{message.Date.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{message.Id}.txt";
            await bindings.InvokeAsync(Components.SmsBinding, "create", Encoding.ASCII.GetBytes(Convert.ToBase64String(file)),
                new Dictionary<string, string> { ["fileName"] = fileName }, cancellationToken);
            return;
        }
        await bindings.InvokeAsync(Components.SmsBinding, "create", Encoding.UTF8.GetBytes(message.Body),
            new Dictionary<string, string> { ["toNumber"] = message.To }, cancellationToken);
    }
}
