using System.Globalization;
using System.Text;
using Ecommerce.DaprLocal.Resources;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using MimeKit.Text;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// <c>bindings.smtp</c>: operation <c>create</c> sends the request's data as an HTML body (a Go/JSON string
/// literal is unquoted first, as daprd does). <c>emailFrom</c>, <c>emailTo</c>, <c>emailCC</c>, <c>emailBCC</c>,
/// <c>subject</c> and <c>priority</c> come from the component and may be overridden per request; address lists
/// are separated by <c>;</c>; the priority (1 highest to 5 lowest) goes out as an <c>X-Priority</c> header.
/// One connection per message, as daprd's mailer opens one.
/// </summary>
public sealed partial class SmtpOutputBinding : IOutputBinding
{
    private const int DefaultPort = 587;
    private const int DefaultPriority = 3;

    /// <summary>daprd's mailer (gomail) gives up connecting after 10 seconds.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ComponentDefinition _component;
    private readonly ILogger _logger;
    private readonly string _host;
    private readonly int _port;
    private readonly string? _user;
    private readonly string? _password;
    private readonly bool _skipTlsVerify;
    private readonly Mail _defaults;

    public SmtpOutputBinding(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        _component = component;
        _logger = logger ?? NullLogger.Instance;
        _host = component.Require("host");
        _port = component.GetInt("port", DefaultPort);
        if (_port is < 1 or > 65535)
        {
            throw new ComponentConfigurationException(component, $"metadata 'port' must be between 1 and 65535, not {_port}.");
        }
        _user = component.Get("user");
        _password = component.Get("password");
        if ((_user is null) != (_password is null))
        {
            throw new ComponentConfigurationException(component, "metadata 'user' and 'password' go together: set both or neither.");
        }
        _skipTlsVerify = component.GetBool("skipTLSVerify", false);
        var priority = DefaultPriority;
        if (component.Get("priority") is { } configuredPriority && !TryParsePriority(configuredPriority, out priority))
        {
            throw new ComponentConfigurationException(component, PriorityError(configuredPriority));
        }
        _defaults = new Mail(
            component.Get("emailFrom"), component.Get("emailTo"), component.Get("emailCC"), component.Get("emailBCC"),
            component.Get("subject"), priority);
    }

    public IReadOnlyList<string> Operations { get; } = ["create"];

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_skipTlsVerify)
        {
            LogSkipTlsVerify(_logger, _component.Name);
        }
        return Task.CompletedTask;
    }

    public async Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Operation != "create")
        {
            throw new BindingRequestException($"binding {_component.Name} does not support operation {request.Operation}. supported operations: create");
        }
        var message = Compose(Merge(request.Metadata), request.Data);
        await SendAsync(message, cancellationToken);
        LogSent(_logger, _component.Name);
        return BindingResponse.Empty;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Mail Merge(IReadOnlyDictionary<string, string> metadata)
    {
        string? Override(string key, string? configured) =>
            metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : configured;

        var priority = _defaults.Priority;
        if (Override("priority", null) is { } requested && !TryParsePriority(requested, out priority))
        {
            throw new BindingRequestException(PriorityError(requested));
        }
        var mail = new Mail(
            Override("emailFrom", _defaults.From), Override("emailTo", _defaults.To), Override("emailCC", _defaults.Cc),
            Override("emailBCC", _defaults.Bcc), Override("subject", _defaults.Subject), priority);
        foreach (var (value, key) in new[] { (mail.From, "emailFrom"), (mail.To, "emailTo"), (mail.Subject, "subject") })
        {
            if (value is null)
            {
                throw new BindingRequestException($"smtp binding error: {key} property not supplied in configuration- or request-metadata");
            }
        }
        return mail;
    }

    private static MimeMessage Compose(Mail mail, byte[] data)
    {
        var message = new MimeMessage();
        message.From.Add(Address(mail.From!, "emailFrom"));
        message.To.AddRange(Addresses(mail.To!, "emailTo"));
        if (mail.Cc is not null)
        {
            message.Cc.AddRange(Addresses(mail.Cc, "emailCC"));
        }
        if (mail.Bcc is not null)
        {
            message.Bcc.AddRange(Addresses(mail.Bcc, "emailBCC"));
        }
        message.Subject = mail.Subject!;
        message.Headers.Add("X-Priority", mail.Priority.ToString(CultureInfo.InvariantCulture));
        // Over HTTP daprd passes the JSON of "data", so a string arrives quoted; over gRPC the bytes are the body.
        var body = GoStringLiteral.TryUnquote(data, out var unquoted) ? unquoted : data;
        message.Body = new TextPart(TextFormat.Html) { Text = Encoding.UTF8.GetString(body) };
        return message;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359",
        Justification = "Certificates are accepted unchecked only when the component sets skipTLSVerify, as daprd's InsecureSkipVerify: self-signed development servers.")]
    private async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient
        {
            Timeout = (int)Timeout.TotalMilliseconds,
            // daprd (Go's TLS) does not check revocation either; a development machine often cannot reach the lists.
            CheckCertificateRevocation = false,
        };
        if (_skipTlsVerify)
        {
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }
        try
        {
            // Auto is what daprd's mailer does: implicit TLS on port 465, elsewhere STARTTLS when the
            // server offers it and a plain session when it does not (a local test server, smtp4dev).
            await client.ConnectAsync(_host, _port, SecureSocketOptions.Auto, cancellationToken);
            if (_user is not null && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(_user, _password!, cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InvalidOperationException($"error from smtp binding, sending email failed: {error.Message}", error);
        }
    }

    private static MailboxAddress Address(string text, string key) =>
        MailboxAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new BindingRequestException($"smtp binding error: '{text}' in {key} is not an email address.");

    private static MailboxAddress[] Addresses(string list, string key) =>
        list.Split(';').Select(text => Address(text, key)).ToArray();

    private static bool TryParsePriority(string text, out int priority) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority) && priority is >= 1 and <= 5;

    private static string PriorityError(string text) =>
        $"smtp binding error: priority must be a number between 1 (highest) and 5 (lowest), not '{text}'.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP binding {Binding}: skipTLSVerify is on; the server's certificate is not checked")]
    private static partial void LogSkipTlsVerify(ILogger logger, string binding);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP binding {Binding}: sent email")]
    private static partial void LogSent(ILogger logger, string binding);

    /// <summary>The message's settings once component and request metadata are merged.</summary>
    private sealed record Mail(string? From, string? To, string? Cc, string? Bcc, string? Subject, int Priority);
}
