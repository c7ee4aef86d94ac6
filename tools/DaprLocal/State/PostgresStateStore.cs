using System.Globalization;
using System.Text.RegularExpressions;
using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// <c>state.postgresql</c>, versions v1 (<c>tableName</c>, jsonb values, <c>xmin</c> ETags, query)
/// and v2 (<c>tablePrefix</c> + <c>state</c>, bytea values, UUID ETags, no query), in daprd's
/// table layouts (<see cref="PostgresStateSchema"/>). Every write is one statement whose
/// <c>WHERE</c> carries the ETag or first-write check, so PostgreSQL's row locking settles
/// concurrent writers; a transaction runs its operations in one database transaction. Expired
/// rows are hidden at once and purged every <c>cleanupInterval</c> (default 1h), by one sidecar
/// at a time when several share the database.
/// </summary>
public sealed partial class PostgresStateStore : IStateStore
{
    private const string SchemaLock = "daprlocal:state-schema";

    private readonly PostgresStateSchema _schema;
    private readonly string _metadataTable;
    private readonly string _connectionString;
    private readonly TimeSpan? _cleanupInterval;
    private readonly TimeSpan? _defaultTtl;
    private readonly ILogger _logger;
    private readonly string _name;
    private PeriodicCleanup? _cleanup;

    public PostgresStateStore(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        _schema = component.Version switch
        {
            "" or "v1" => new PostgresV1StateSchema(Identifier(component, "tableName", component.Get("tableName") ?? "state")),
            "v2" => new PostgresV2StateSchema(TablePrefix(component)),
            var other => throw new ComponentConfigurationException(component, $"version '{other}' is not a version of state.postgresql; use v1 or v2."),
        };
        _metadataTable = Identifier(component, "metadataTableName", component.Get("metadataTableName") ?? "dapr_metadata");
        var timeout = StateComponentMetadata.GetTimeout(component, TimeSpan.FromSeconds(20));
        _cleanupInterval = StateComponentMetadata.GetCleanupInterval(component, TimeSpan.FromHours(1));
        _defaultTtl = StateTtl.StoreDefault(component);
        _logger = logger ?? NullLogger.Instance;
        _name = component.Name;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsql(component.Require("connectionString")));
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            throw new ComponentConfigurationException(component, $"metadata 'connectionString' cannot be read: {error.Message}");
        }
        PostgresConnectionString.ApplyPoolDefault(builder);
        builder.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        // Npgsql caps its connect timeout at 1024 s; daprd's default is 20 s.
        builder.Timeout = (int)Math.Min(Math.Ceiling(timeout.TotalSeconds), 1024);
        _connectionString = builder.ConnectionString;
    }

    public StateStoreFeatures Features =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl
        | (_schema.SupportsQuery ? StateStoreFeatures.Query : StateStoreFeatures.None);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Sidecars starting together would race to create the same tables: one at a time.
            await using (var command = Command(connection, "SELECT pg_advisory_xact_lock(hashtext(@lock))"))
            {
                command.Parameters.Add(new NpgsqlParameter("lock", NpgsqlDbType.Text) { Value = SchemaLock });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {_metadataTable} (key text NOT NULL PRIMARY KEY, value text NOT NULL)", cancellationToken);
            await ExecuteAsync(connection, _schema.CreateTableSql, cancellationToken);
            // Record daprd's migration level for this layout, unless daprd has recorded one already.
            await using (var command = Command(connection, $"INSERT INTO {_metadataTable} (key, value) VALUES (@key, @level) ON CONFLICT (key) DO NOTHING"))
            {
                command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = _schema.MigrationKey });
                command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Text) { Value = _schema.MigrationLevel.ToString(CultureInfo.InvariantCulture) });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (_cleanupInterval is { } interval)
        {
            _cleanup = new PeriodicCleanup(interval, token => PurgeExpiredAsync(interval, token), _logger, _name);
        }
    }

    public async Task<StateItem?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {_schema.SelectColumns} FROM {_schema.Table} WHERE key = @key AND {Alive}");
        command.Parameters.Add(KeyParameter(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadItem(reader) : null;
    }

    public async Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var commands = new List<NpgsqlCommand>(operations.Count);
        try
        {
            // Built first, so that a malformed ETag fails before anything is sent.
            foreach (var operation in operations)
            {
                commands.Add(Statement(operation));
            }
            await using var connection = await OpenAsync(cancellationToken);
            // One statement is atomic by itself; more share a transaction, rolled back on the first failure.
            await using var transaction = commands.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
            for (var index = 0; index < commands.Count; index++)
            {
                commands[index].Connection = connection;
                commands[index].Transaction = transaction;
                var rows = await commands[index].ExecuteNonQueryAsync(cancellationToken);
                if (rows == 0 && IsConditional(operations[index]))
                {
                    throw new ETagMismatchException(operations[index].Key());
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var command in commands)
            {
                await command.DisposeAsync();
            }
        }
    }

    public async Task<StateQueryResult> QueryAsync(string keyPrefix, StateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        if (!_schema.SupportsQuery)
        {
            throw new NotSupportedException("state.postgresql v2 has no query API (as in daprd); use v1.");
        }
        var candidates = new List<StateItem>();
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var command = Command(connection, $"SELECT {_schema.SelectColumns} FROM {_schema.Table} WHERE starts_with(key, @prefix) AND {Alive}"))
        {
            command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = keyPrefix });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(ReadItem(reader));
            }
        }
        return StateQueryEvaluator.Evaluate(candidates, query);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cleanup is not null)
        {
            await _cleanup.DisposeAsync();
        }
    }

    private string Alive => $"({_schema.ExpiresColumn} IS NULL OR {_schema.ExpiresColumn} > now())";

    private static bool IsConditional(StateOperation operation) => operation switch
    {
        StateOperation.Upsert { Write: var write } => !string.IsNullOrEmpty(write.ETag) || write.Concurrency == StateConcurrency.FirstWrite,
        StateOperation.Delete { Request: var delete } => !string.IsNullOrEmpty(delete.ETag),
        _ => false,
    };

    private NpgsqlCommand Statement(StateOperation operation)
    {
        var command = new NpgsqlCommand();
        switch (operation)
        {
            case StateOperation.Upsert { Write: var write }:
                var hasETag = !string.IsNullOrEmpty(write.ETag);
                command.CommandText = hasETag ? _schema.UpdateIfETagSql : _schema.UpsertSql(write.Concurrency == StateConcurrency.FirstWrite);
                command.Parameters.Add(KeyParameter(write.Key));
                var ttl = StateTtl.Resolve(write.Ttl, _defaultTtl);
                command.Parameters.Add(new NpgsqlParameter("ttl", NpgsqlDbType.Double) { Value = ttl is { } live ? live.TotalSeconds : DBNull.Value });
                _schema.AddValue(command, write.Value);
                if (hasETag)
                {
                    command.Parameters.Add(_schema.ETagParameter(write.Key, write.ETag!));
                }
                break;
            case StateOperation.Delete { Request: var delete }:
                command.Parameters.Add(KeyParameter(delete.Key));
                if (string.IsNullOrEmpty(delete.ETag))
                {
                    command.CommandText = $"DELETE FROM {_schema.Table} WHERE key = @key";
                }
                else
                {
                    command.CommandText = _schema.DeleteIfETagSql;
                    command.Parameters.Add(_schema.ETagParameter(delete.Key, delete.ETag));
                }
                break;
            default:
                command.Dispose();
                throw new ArgumentException($"unknown state operation {operation.GetType().Name}", nameof(operation));
        }
        return command;
    }

    /// <summary>
    /// Purges expired rows unless another sidecar on the same database did within the interval:
    /// the metadata row holding the last purge time is claimed atomically by whoever runs.
    /// </summary>
    private async Task PurgeExpiredAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var claim = Command(connection, $"""
            INSERT INTO {_metadataTable} AS m (key, value) VALUES (@key, now()::text)
            ON CONFLICT (key) DO UPDATE SET value = now()::text
            WHERE m.value::timestamp with time zone <= now() - @since * interval '1 second'
            """))
        {
            claim.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = _schema.LastCleanupKey });
            // A tenth of slack: this sidecar's own ticks are one interval apart, give or take.
            claim.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Double) { Value = interval.TotalSeconds * 0.9 });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }
        await using var purge = Command(connection,
            $"DELETE FROM {_schema.Table} WHERE {_schema.ExpiresColumn} IS NOT NULL AND {_schema.ExpiresColumn} <= now()");
        await purge.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StateItem ReadItem(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetFieldValue<byte[]>(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));

    private static NpgsqlParameter KeyParameter(string key) => new("key", NpgsqlDbType.Text) { Value = key };

    /// <summary>
    /// A connection from Npgsql's pool for this connection string: every store (and sidecar
    /// component) on the same database shares it, where a data source per store would keep a pool
    /// each, and opening a PostgreSQL connection is expensive.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>v2's <c>tablePrefix</c> (<c>my_</c>, <c>my_schema.</c>), checked as part of the table name it makes.</summary>
    private static string TablePrefix(ComponentDefinition component)
    {
        var prefix = component.Get("tablePrefix") ?? "";
        Identifier(component, "tablePrefix", prefix + "state");
        return prefix;
    }

    // Names go into SQL text unquoted, as daprd writes them (so PostgreSQL folds them to lower
    // case the same way): only plain identifiers, optionally schema-qualified, are accepted.
    private static string Identifier(ComponentDefinition component, string key, string name) =>
        SqlIdentifier().IsMatch(name)
            ? name
            : throw new ComponentConfigurationException(component, $"metadata '{key}' gives '{name}', which is not a table name such as my_table or my_schema.my_table.");

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SqlIdentifier();
}
