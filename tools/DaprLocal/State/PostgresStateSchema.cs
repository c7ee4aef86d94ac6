using Npgsql;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// What differs between <c>state.postgresql</c> v1 and v2: the table layout (kept identical to
/// daprd's so that daprd can take over a database DaprLocal wrote, and the other way round), how
/// values and ETags are stored, and the statements that read and write them. Every statement
/// takes <c>@key</c>; writes take <c>@ttl</c> (seconds, or null for no expiry) and the value
/// parameters <see cref="AddValue"/> adds; conditional ones take <c>@etag</c> from <see cref="ETagParameter"/>.
/// </summary>
internal abstract class PostgresStateSchema(string table)
{
    /// <summary>The state table, possibly schema-qualified (<c>public.state</c>).</summary>
    public string Table { get; } = table;

    /// <summary>The table's own name, without the schema: indexes are named after it.</summary>
    protected string BareTable => Table[(Table.LastIndexOf('.') + 1)..];

    public abstract bool SupportsQuery { get; }

    /// <summary>Key under which daprd records, in the metadata table, how far it migrated this table.</summary>
    public abstract string MigrationKey { get; }

    /// <summary>The migration level whose layout <see cref="CreateTableSql"/> produces.</summary>
    public abstract int MigrationLevel { get; }

    /// <summary>Key in the metadata table for the time of the last purge of expired rows.</summary>
    public abstract string LastCleanupKey { get; }

    public abstract string CreateTableSql { get; }

    /// <summary>The expiry column: <c>NULL</c> for none.</summary>
    public abstract string ExpiresColumn { get; }

    /// <summary>Columns read back, in order: key, value (bytea, the exact bytes written), ETag (text), expiry.</summary>
    public abstract string SelectColumns { get; }

    /// <summary>Insert or replace when no ETag is given; with <paramref name="firstWrite"/>, replace only an expired row.</summary>
    public abstract string UpsertSql(bool firstWrite);

    /// <summary>Replace a live row whose ETag is <c>@etag</c>.</summary>
    public abstract string UpdateIfETagSql { get; }

    /// <summary>Delete a live row whose ETag is <c>@etag</c>.</summary>
    public abstract string DeleteIfETagSql { get; }

    /// <summary>The ETag as the <c>@etag</c> parameter; <see cref="ETagInvalidException"/> when it is not in this layout's format.</summary>
    public abstract NpgsqlParameter ETagParameter(string key, string etag);

    public abstract void AddValue(NpgsqlCommand command, byte[] value);

    protected string Alive => $"({ExpiresColumn} IS NULL OR {ExpiresColumn} > now())";

    protected string OnlyIfExpired(bool firstWrite) =>
        firstWrite ? $"WHERE t.{ExpiresColumn} IS NOT NULL AND t.{ExpiresColumn} <= now()" : "";

    protected const string ExpiresFromTtl = "now() + @ttl * interval '1 second'";
}
