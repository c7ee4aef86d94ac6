using MimeKit;

namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// The emails the platform sent, read as a mail client reads them: the <c>.eml</c> files of the
/// embedded profile's <c>email</c> binding, or the Maildir of the local profile's SMTP sink.
/// </summary>
internal sealed class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        var messages = new List<MimeMessage>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (FormatException)
            {
                continue; // Not a message (or one still being written): the next poll reads it again.
            }
            catch (IOException)
            {
                continue;
            }
            if (message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }
        return messages;
    }
}
