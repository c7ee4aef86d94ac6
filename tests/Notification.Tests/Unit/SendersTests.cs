using System.Text;
using Ecommerce.Notification.Delivery;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Tests.Unit;

/// <summary>What reaches each kind of binding: a whole .eml for files, metadata and HTML for SMTP, toNumber for an SMS provider.</summary>
public sealed class SendersTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 23, 7, 5, 8, TimeSpan.Zero);
    private readonly RecordingOutputBindings _bindings = new();

    [Fact]
    public void An_eml_file_is_a_whole_rfc5322_message()
    {
        var eml = Encoding.UTF8.GetString(Rfc5322Message.Compose(new EmailMessage("abc123", "ada@example.com", "Ordre confirmé", "Hello,\nline two", Date), "shop@ecommerce.local"));

        var (head, body) = (eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)], eml[(eml.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Equal(
            [
                "From: shop@ecommerce.local",
                "To: ada@example.com",
                $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Ordre confirmé"))}?=",
                "Date: Mon, 23 Nov 2026 07:05:08 +0000",
                "Message-ID: <abc123@ecommerce.local>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
            ],
            head.Split("\r\n"));
        Assert.Equal("Hello,\r\nline two\r\n", body);
    }

    [Fact]
    public void A_body_with_a_line_too_long_for_8bit_is_base64()
    {
        var text = new string('x', 1200);
        var eml = Encoding.UTF8.GetString(Rfc5322Message.Compose(new EmailMessage("id", "a@example.com", "s", text, Date), "shop@ecommerce.local"));

        Assert.Contains("Content-Transfer-Encoding: base64\r\n", eml, StringComparison.Ordinal);
        var body = eml[(eml.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.All(body.Split("\r\n"), line => Assert.InRange(line.Length, 0, 76));
        Assert.Equal(text + "\r\n", Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Files_get_the_eml_in_base64_named_after_the_delivery()
    {
        await Email(BindingMode.Auto).SendAsync(new EmailMessage("d1", "ada@example.com", "Hi", "Body", Date), CancellationToken.None);

        var invocation = Assert.Single(_bindings.To("email"));
        Assert.Equal("create", invocation.Operation);
        Assert.Equal("20261123T070508-d1.eml", invocation.Metadata["fileName"]);
        Assert.StartsWith("From: shop@ecommerce.local\r\nTo: ada@example.com\r\nSubject: Hi\r\n", invocation.FileText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_gets_recipient_and_subject_as_metadata_and_the_body_as_escaped_html()
    {
        _bindings.Types["email"] = "bindings.smtp";

        await Email(BindingMode.Auto, from: "Shop <shop@example.com>").SendAsync(new EmailMessage("d1", "ada@example.com", "Hi", "1 < 2\n<b>", Date), CancellationToken.None);

        var invocation = Assert.Single(_bindings.To("email"));
        Assert.Equal("ada@example.com", invocation.Metadata["emailTo"]);
        Assert.Equal("Hi", invocation.Metadata["subject"]);
        Assert.Equal("Shop <shop@example.com>", invocation.Metadata["emailFrom"]);
        Assert.False(invocation.Metadata.ContainsKey("fileName"));
        Assert.Equal("<div style=\"white-space: pre-wrap\">1 &lt; 2\n&lt;b&gt;</div>", invocation.Text);
    }

    [Fact]
    public async Task A_configured_mode_wins_over_the_component_type_and_an_sms_provider_gets_to_number()
    {
        _bindings.Types["sms"] = "bindings.twilio.sms";
        var options = Options.Create(new NotificationOptions());

        await new SmsSender(_bindings, new BindingModes(_bindings), options).SendAsync(new SmsMessage("s1", "+447700900123", "Order shipped.", Date), CancellationToken.None);
        options.Value.Sms.Mode = BindingMode.File;
        await new SmsSender(_bindings, new BindingModes(_bindings), options).SendAsync(new SmsMessage("s2", "+447700900123", "Order delivered.", Date), CancellationToken.None);

        var (provider, file) = (_bindings.To("sms")[0], _bindings.To("sms")[1]);
        Assert.Equal("+447700900123", provider.Metadata["toNumber"]);
        Assert.Equal("Order shipped.", provider.Text);
        Assert.Equal("20261123T070508-s2.txt", file.Metadata["fileName"]);
        Assert.Equal("To: +447700900123\n\nOrder delivered.\n", file.FileText);
    }

    private EmailSender Email(BindingMode mode, string? from = null) =>
        new(_bindings, new BindingModes(_bindings), Options.Create(new NotificationOptions { Email = new EmailOptions { Mode = mode, From = from } }));
}
