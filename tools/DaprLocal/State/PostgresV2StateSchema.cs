using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// daprd's v2 layout: one table <c>&lt;tablePrefix&gt;state</c> with the value as <c>bytea</c> and
/// a random UUID as the ETag, replaced on every write. daprd offers no query API on v2.
/// </summary>
internal sealed class PostgresV2StateSchema(string tablePrefix) : PostgresStateSchema(tablePrefix + "state")
{
    private readonly string _tablePrefix = tablePrefix;

    public override bool SupportsQuery => false;

    public override string MigrationKey => "migrations-state-v2-" + _tablePrefix;

    // daprd's migration 1 (table and expiry index); its second adds a row_id only daprd uses.
    public override int MigrationLevel => 1;

    public override string LastCleanupKey => "last-cleanup-state-v2-" + _tablePrefix;

    public override string ExpiresColumn => "expires_at";

    public override string CreateTableSql => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            key text NOT NULL PRIMARY KEY,
            value bytea NOT NULL,
            etag uuid NOT NULL DEFAULT gen_random_uuid(),
            created_at timestamp with time zone NOT NULL DEFAULT now(),
            updated_at timestamp with time zone,
            expires_at timestamp with time zone);
        CREATE INDEX IF NOT EXISTS {BareTable}_expires_at_idx ON {Table} (expires_at);
        """;

    public override string SelectColumns => "key, value, etag::text, expires_at";

    public override string UpsertSql(bool firstWrite) => $"""
        INSERT INTO {Table} AS t (key, value, etag, expires_at)
        VALUES (@key, @value, gen_random_uuid(), {ExpiresFromTtl})
        ON CONFLICT (key) DO UPDATE SET
            value = excluded.value, etag = excluded.etag, updated_at = now(), expires_at = excluded.expires_at
        {OnlyIfExpired(firstWrite)}
        """;

    public override string UpdateIfETagSql => $"""
        UPDATE {Table} SET value = @value, etag = gen_random_uuid(), updated_at = now(), expires_at = {ExpiresFromTtl}
        WHERE key = @key AND etag = @etag AND {Alive}
        """;

    public override string DeleteIfETagSql => $"DELETE FROM {Table} WHERE key = @key AND etag = @etag AND {Alive}";

    public override NpgsqlParameter ETagParameter(string key, string etag) =>
        Guid.TryParse(etag, out var uuid)
            ? new NpgsqlParameter("etag", NpgsqlDbType.Uuid) { Value = uuid }
            : throw new ETagInvalidException(key, etag);

    public override void AddValue(NpgsqlCommand command, byte[] value) =>
        command.Parameters.Add(new NpgsqlParameter("value", NpgsqlDbType.Bytea) { Value = value });
}
