using System.Text;
using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed class SmtpOutputBindingTests
{
    [Fact]
    public async Task Sends_the_data_as_an_html_body_with_merged_metadata()
    {
        await using var server = new TestSmtpServer();
        await using var binding = Smtp(server.Port,
            ("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com;bob@example.com"), ("subject", "Default subject"), ("priority", "3"));
        await binding.InitializeAsync(CancellationToken.None);

        // Over HTTP daprd hands the binding the JSON of "data": a quoted string.
        var response = await binding.InvokeAsync(BindingComponents.Request("create",
            Encoding.UTF8.GetBytes("\"<p>Order \\u003cA-1\\u003e has shipped</p>\""),
            ("subject", "Your order has shipped"), ("emailCC", "carol@example.com"), ("emailBCC", "audit@example.com"), ("priority", "1")),
            CancellationToken.None);

        Assert.Empty(response.Data);
        var mail = await server.NextMailAsync();
        Assert.Equal("shop@example.com", mail.MailFrom);
        Assert.Equal(["alice@example.com", "bob@example.com", "carol@example.com", "audit@example.com"], mail.Recipients);
        var message = mail.Parse();
        Assert.Equal("shop@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["alice@example.com", "bob@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["carol@example.com"], message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Empty(message.Bcc);
        Assert.Equal("Your order has shipped", message.Subject);
        Assert.Equal("1", message.Headers["X-Priority"]);
        Assert.Equal("<p>Order <A-1> has shipped</p>", message.HtmlBody?.Trim());
    }

    [Fact]
    public async Task Without_overrides_the_component_metadata_is_used_and_raw_data_is_the_body()
    {
        await using var server = new TestSmtpServer();
        await using var binding = Smtp(server.Port, ("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com"), ("subject", "Hello"));

        await binding.InvokeAsync(BindingComponents.Request("create", Encoding.UTF8.GetBytes("plain <b>body</b>")), CancellationToken.None);

        var message = (await server.NextMailAsync()).Parse();
        Assert.Equal("Hello", message.Subject);
        Assert.Equal("3", message.Headers["X-Priority"]);
        Assert.Equal("plain <b>body</b>", message.HtmlBody?.Trim());
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("emailFrom")]
    [InlineData("emailTo")]
    public async Task A_message_missing_from_to_or_subject_is_refused(string missing)
    {
        (string Key, string Value)[] metadata = [("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com"), ("subject", "Hello")];
        await using var binding = Smtp(LoopbackPortWithNobody(), [.. metadata.Where(entry => entry.Key != missing)]);

        var error = await Assert.ThrowsAsync<BindingRequestException>(
            () => binding.InvokeAsync(BindingComponents.Request("create", "body"u8.ToArray()), CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priority", "9")]
    [InlineData("emailTo", "not an address")]
    public async Task A_request_with_bad_metadata_is_refused(string key, string value)
    {
        await using var binding = Smtp(LoopbackPortWithNobody(), ("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com"), ("subject", "Hello"));

        await Assert.ThrowsAsync<BindingRequestException>(
            () => binding.InvokeAsync(BindingComponents.Request("create", "body"u8.ToArray(), (key, value)), CancellationToken.None));
    }

    [Fact]
    public async Task Only_create_is_accepted()
    {
        await using var binding = Smtp(LoopbackPortWithNobody(), ("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com"), ("subject", "Hello"));

        Assert.Equal(["create"], binding.Operations);
        await Assert.ThrowsAsync<BindingRequestException>(
            () => binding.InvokeAsync(BindingComponents.Request("get", []), CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_the_invocation()
    {
        await using var binding = Smtp(LoopbackPortWithNobody(), ("emailFrom", "shop@example.com"), ("emailTo", "alice@example.com"), ("subject", "Hello"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => binding.InvokeAsync(BindingComponents.Request("create", "body"u8.ToArray()), CancellationToken.None));

        Assert.Contains("sending email failed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user", "mailer")]
    [InlineData("password", "s3cret")]
    [InlineData("priority", "0")]
    [InlineData("port", "0")]
    public void Bad_component_metadata_is_refused(string key, string value) =>
        Assert.Throws<ComponentConfigurationException>(() => Smtp(2525, (key, value)));

    [Fact]
    public void The_host_is_required() =>
        Assert.Throws<ComponentConfigurationException>(() => new SmtpOutputBinding(BindingComponents.Definition("bindings.smtp")));

    private static SmtpOutputBinding Smtp(int port, params (string Key, string Value)[] metadata) =>
        new(BindingComponents.Definition("bindings.smtp", [("host", "127.0.0.1"), ("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. metadata]));

    private static int LoopbackPortWithNobody()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
