using System.Text;
using MimeKit;

namespace Ecommerce.DaprLocal.Tests.Bindings;

/// <summary>One message as <see cref="TestSmtpServer"/> received it: the envelope and the raw DATA.</summary>
internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, string Data)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));
}
