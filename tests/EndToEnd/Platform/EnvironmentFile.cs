namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// Reads the <c>NAME="value"</c> file tools/DevSecrets writes for the shell to source, where a quoted value
/// may span lines (a PEM key). Values hold no quotes or escapes (keys, base64, PEM), so nothing is unescaped.
/// </summary>
internal static class EnvironmentFile
{
    public static IEnumerable<(string Name, string Value)> Read(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Split('=', 2) is not [var name, var value] || name.Length == 0 || name.StartsWith('#'))
            {
                continue;
            }
            if (value.StartsWith('"'))
            {
                var text = value[1..];
                while (!text.EndsWith('"') && i + 1 < lines.Count)
                {
                    text += "\n" + lines[++i];
                }
                value = text.TrimEnd('"');
            }
            yield return (name, value);
        }
    }
}
