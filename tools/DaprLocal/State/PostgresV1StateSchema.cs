using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// daprd's v1 layout: <c>value jsonb</c> with an <c>isbinary</c> flag, and the row's <c>xmin</c>
/// (the id of the transaction that last wrote it) as the ETag. jsonb rewrites JSON (spacing, key
/// order), so a value goes into it as JSON only when PostgreSQL would give back the very same
/// bytes; anything else is stored as daprd stores binary values, a base64 JSON string with
/// <c>isbinary = true</c>. Either way daprd and this store read back exactly what was written.
/// </summary>
internal sealed class PostgresV1StateSchema(string table) : PostgresStateSchema(table)
{
    // PostgreSQL decides, in the statement itself, whether its jsonb text of @json is @json again.
    private const string JsonRoundTrips = "coalesce(@json::jsonb::text = @json, false)";
    private const string StoredValue = $"CASE WHEN {JsonRoundTrips} THEN @json::jsonb ELSE to_jsonb(@base64::text) END";
    private const string StoredIsBinary = $"NOT {JsonRoundTrips}";

    public override bool SupportsQuery => true;

    // daprd v1 keeps one level for all its tables under this key.
    public override string MigrationKey => "migrations";

    // daprd's migrations 1 (table) and 2 (expiredate); its third adds a row_id only daprd uses.
    public override int MigrationLevel => 2;

    public override string LastCleanupKey => "last-cleanup";

    public override string ExpiresColumn => "expiredate";

    public override string CreateTableSql => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            key text NOT NULL PRIMARY KEY,
            value jsonb NOT NULL,
            isbinary boolean NOT NULL,
            insertdate timestamp with time zone NOT NULL DEFAULT now(),
            updatedate timestamp with time zone NULL,
            expiredate timestamp with time zone NULL)
        """;

    public override string SelectColumns =>
        "key, CASE WHEN isbinary THEN decode(value #>> '{}', 'base64') ELSE convert_to(value::text, 'UTF8') END, xmin::text, expiredate";

    public override string UpsertSql(bool firstWrite) => $"""
        INSERT INTO {Table} AS t (key, value, isbinary, expiredate)
        VALUES (@key, {StoredValue}, {StoredIsBinary}, {ExpiresFromTtl})
        ON CONFLICT (key) DO UPDATE SET
            value = excluded.value, isbinary = excluded.isbinary, updatedate = now(), expiredate = excluded.expiredate
        {OnlyIfExpired(firstWrite)}
        """;

    public override string UpdateIfETagSql => $"""
        UPDATE {Table} SET value = {StoredValue}, isbinary = {StoredIsBinary}, updatedate = now(), expiredate = {ExpiresFromTtl}
        WHERE key = @key AND xmin::text = @etag AND {Alive}
        """;

    public override string DeleteIfETagSql => $"DELETE FROM {Table} WHERE key = @key AND xmin::text = @etag AND {Alive}";

    /// <summary>A transaction id: an unsigned 32-bit integer, compared in its canonical text.</summary>
    public override NpgsqlParameter ETagParameter(string key, string etag) =>
        uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var xid)
            ? new NpgsqlParameter("etag", NpgsqlDbType.Text) { Value = xid.ToString(CultureInfo.InvariantCulture) }
            : throw new ETagInvalidException(key, etag);

    public override void AddValue(NpgsqlCommand command, byte[] value)
    {
        var json = JsonCandidate(value);
        command.Parameters.Add(new NpgsqlParameter("json", NpgsqlDbType.Text) { Value = (object?)json ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("base64", NpgsqlDbType.Text) { Value = Convert.ToBase64String(value) });
    }

    /// <summary>
    /// The value as text when PostgreSQL's JSON parser is sure to accept it, else null. Stricter
    /// than PostgreSQL where it must be: jsonb rejects <c>\u0000</c> and unpaired surrogate escapes,
    /// and numbers beyond its range, any of which would fail the whole statement.
    /// </summary>
    private static string? JsonCandidate(byte[] value)
    {
        if (value.Length == 0 || !Utf8.IsValid(value) || value.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(value);
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && HasRiskyEscape(reader.ValueSpan))
                {
                    return null;
                }
                if (reader.TokenType == JsonTokenType.Number && (reader.ValueSpan.Length > 100 || !reader.TryGetDouble(out var number) || !double.IsFinite(number)))
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(value);
    }

    // \u0000, or any \uD800–\uDFFF escape (paired ones too, to keep the test simple). The reader
    // has validated the string, so every backslash starts a complete escape.
    private static bool HasRiskyEscape(ReadOnlySpan<byte> raw)
    {
        var index = 0;
        while (index < raw.Length)
        {
            if (raw[index] != (byte)'\\')
            {
                index++;
            }
            else if (raw[index + 1] != (byte)'u')
            {
                index += 2;
            }
            else
            {
                var code = int.Parse(raw.Slice(index + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (code == 0 || code is >= 0xD800 and <= 0xDFFF)
                {
                    return true;
                }
                index += 6;
            }
        }
        return false;
    }
}
