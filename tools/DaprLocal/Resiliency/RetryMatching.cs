using System.Globalization;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A retry policy's <c>matching</c> section: which coded failures are retried. A list that is
/// not given (null) retries every code of that protocol; failures without a code are always retried.
/// </summary>
public sealed record RetryMatching(IReadOnlyList<StatusCodeRange>? HttpStatusCodes, IReadOnlyList<StatusCodeRange>? GrpcStatusCodes)
{
    private static readonly StatusCodeRange s_validHttp = new(100, 599);
    private static readonly StatusCodeRange s_validGrpc = new(0, 16);

    public static RetryMatching All { get; } = new(null, null);

    public bool ShouldRetry(AttemptOutcome outcome)
    {
        if (outcome.HttpStatusCode is { } http)
        {
            return Matches(http, HttpStatusCodes);
        }
        if (outcome.GrpcStatusCode is { } grpc)
        {
            return Matches(grpc, GrpcStatusCodes);
        }
        return true;
    }

    /// <summary>Reads <c>"429,500-599"</c>; empty entries are skipped, spaces are not allowed (daprd rejects them too).</summary>
    internal static IReadOnlyList<StatusCodeRange>? ParseHttp(YamlScalar? node) => Parse(node, s_validHttp, "HTTP");

    internal static IReadOnlyList<StatusCodeRange>? ParseGrpc(YamlScalar? node) => Parse(node, s_validGrpc, "gRPC");

    private static bool Matches(int code, IReadOnlyList<StatusCodeRange>? ranges) =>
        ranges is null || ranges.Any(range => range.Contains(code));

    private static List<StatusCodeRange>? Parse(YamlScalar? node, StatusCodeRange valid, string protocol)
    {
        if (node is null || node.Value.Length == 0)
        {
            return null;
        }
        var ranges = new List<StatusCodeRange>();
        foreach (var pattern in node.Value.Split(','))
        {
            if (pattern.Length == 0)
            {
                continue;
            }
            var bounds = pattern.Split('-');
            if (bounds.Length > 2)
            {
                throw new ResourceException(node.Location, $"{protocol} status code pattern '{pattern}' has more than one '-'.");
            }
            var start = ParseCode(bounds[0], pattern, valid, protocol, node);
            var end = bounds.Length == 2 ? ParseCode(bounds[1], pattern, valid, protocol, node) : start;
            if (end < start)
            {
                throw new ResourceException(node.Location, $"{protocol} status code pattern '{pattern}' ends before it starts.");
            }
            ranges.Add(new StatusCodeRange(start, end));
        }
        return ranges;
    }

    private static int ParseCode(string text, string pattern, StatusCodeRange valid, string protocol, YamlScalar node)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new ResourceException(node.Location,
                $"{protocol} status code pattern '{pattern}' is not a code or a range such as {valid.Start}-{valid.End} (no spaces).");
        }
        if (!valid.Contains(code))
        {
            throw new ResourceException(node.Location, $"{protocol} status code {code} in '{pattern}' is outside {valid}.");
        }
        return code;
    }
}
