using System.Globalization;
using System.Text.RegularExpressions;
using Ecommerce.DaprLocal.Resources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// <c>state.sqlite</c>, in daprd's table layout (<c>key, value, is_binary, etag, expiration_time,
/// update_time</c>) so that daprd can open the same file. Values are stored as blobs with
/// <c>is_binary = 0</c>, which daprd reads back byte for byte; base64 rows that daprd wrote with
/// <c>is_binary = 1</c> are decoded. ETags are GUIDs. Every write runs in <c>BEGIN IMMEDIATE</c>,
/// which takes the write lock up front: an ETag check and its write cannot interleave with another
/// writer, and waiting for the lock honours the busy timeout. Queries are evaluated in process. The
/// connection string is read as daprd reads it, <c>_pragma</c> options included (<see cref="SqliteConnectionString"/>).
/// </summary>
public sealed partial class SqliteStateStore : IStateStore
{
    // daprd writes "YYYY-MM-DD HH:MM:SS" (CURRENT_TIMESTAMP); the same shape with milliseconds
    // sorts correctly against it, so both sides can compare timestamps as text.
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    private readonly string _connectionString;
    private readonly bool _inMemory;
    private readonly string _table;
    private readonly string _metadataTable;
    private readonly string _connectionSettings;
    private readonly bool _disableWal;
    private readonly TimeSpan? _cleanupInterval;
    private readonly TimeSpan? _defaultTtl;
    private readonly ILogger _logger;
    private readonly string _name;

    // ":memory:" is private to one connection: the store keeps that one open and takes turns on it.
    private readonly SemaphoreSlim _memoryTurn = new(1, 1);
    private SqliteConnection? _memoryConnection;
    private PeriodicCleanup? _cleanup;

    public SqliteStateStore(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        var connectionString = component.Require("connectionString");
        _inMemory = IsInMemory(connectionString);
        _table = Identifier(component, "tableName", "state");
        _metadataTable = Identifier(component, "metadataTableName", "metadata");
        var timeout = StateComponentMetadata.GetTimeout(component, TimeSpan.FromSeconds(20));
        var busyTimeoutMilliseconds = (int)component.GetDuration("busyTimeout", TimeSpan.FromSeconds(2)).TotalMilliseconds;
        _disableWal = component.GetBool("disableWAL", false);
        _cleanupInterval = StateComponentMetadata.GetCleanupInterval(component, TimeSpan.Zero);
        _defaultTtl = StateTtl.StoreDefault(component);
        _logger = logger ?? NullLogger.Instance;
        _name = component.Name;
        var parsed = SqliteConnectionString.Parse(component, connectionString);
        if (parsed.TransactionLock is { } transactionLock && transactionLock != "immediate")
        {
            LogTransactionLockIgnored(_logger, _name, transactionLock);
        }
        // Per connection, not per file: run on every connection the store opens, in one statement.
        _connectionSettings = string.Join("; ",
            [$"PRAGMA busy_timeout = {busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}", .. parsed.Pragmas]);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = parsed.DataSource,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
            Pooling = !_inMemory,
        }.ToString();
    }

    public StateStoreFeatures Features =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_inMemory)
        {
            _memoryConnection = new SqliteConnection(_connectionString);
            await _memoryConnection.OpenAsync(cancellationToken);
            await ExecuteAsync(_memoryConnection, _connectionSettings, cancellationToken);
        }
        await using (var lease = await OpenAsync(cancellationToken))
        {
            if (!_inMemory)
            {
                // Journal mode is a property of the file: set once, it holds for every connection.
                await ExecuteAsync(lease.Connection, $"PRAGMA journal_mode = {(_disableWal ? "DELETE" : "WAL")}", cancellationToken);
            }
            await InWriteTransactionAsync(lease.Connection, async () =>
            {
                await ExecuteAsync(lease.Connection, $"CREATE TABLE IF NOT EXISTS {_metadataTable} (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)", cancellationToken);
                await ExecuteAsync(lease.Connection, $"""
                    CREATE TABLE IF NOT EXISTS {_table} (
                        key TEXT NOT NULL PRIMARY KEY,
                        value TEXT NOT NULL,
                        is_binary BOOLEAN NOT NULL,
                        etag TEXT NOT NULL,
                        expiration_time TIMESTAMP DEFAULT NULL,
                        update_time TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)
                    """, cancellationToken);
                // daprd's migration level for this layout: daprd opening the file finds nothing to do.
                await ExecuteAsync(lease.Connection, $"INSERT INTO {_metadataTable} (key, value) VALUES ('migrations', '1') ON CONFLICT (key) DO NOTHING", cancellationToken);
            }, cancellationToken);
        }
        if (_cleanupInterval is { } interval)
        {
            _cleanup = new PeriodicCleanup(interval, PurgeExpiredAsync, _logger, _name);
        }
    }

    public async Task<StateItem?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(cancellationToken);
        await using var command = Command(lease.Connection, $"""
            SELECT key, value, is_binary, etag, expiration_time FROM {_table}
            WHERE key = @key AND (expiration_time IS NULL OR expiration_time > @now)
            """, ("@key", key), ("@now", Timestamp(DateTimeOffset.UtcNow)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadItem(reader) : null;
    }

    public async Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        await using var lease = await OpenAsync(cancellationToken);
        await InWriteTransactionAsync(lease.Connection, async () =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var operation in operations)
            {
                var applied = operation switch
                {
                    StateOperation.Upsert upsert => await UpsertAsync(lease.Connection, upsert.Write, now, cancellationToken),
                    StateOperation.Delete delete => await DeleteAsync(lease.Connection, delete.Request, now, cancellationToken),
                    _ => throw new ArgumentException($"unknown state operation {operation.GetType().Name}", nameof(operations)),
                };
                if (!applied)
                {
                    throw new ETagMismatchException(operation.Key());
                }
            }
        }, cancellationToken);
    }

    public Task<StateQueryResult> QueryAsync(string keyPrefix, StateQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("state.sqlite has no query API in daprd, so DaprLocal offers none either.");

    public async ValueTask DisposeAsync()
    {
        if (_cleanup is not null)
        {
            await _cleanup.DisposeAsync();
        }
        if (_memoryConnection is not null)
        {
            await _memoryConnection.DisposeAsync();
        }
        else
        {
            // Pooled connections keep the file open after the store is gone otherwise.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        _memoryTurn.Dispose();
    }

    private async Task<bool> UpsertAsync(SqliteConnection connection, StateWrite write, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expires = now + StateTtl.Resolve(write.Ttl, _defaultTtl);
        var parameters = new (string, object?)[]
        {
            ("@key", write.Key), ("@value", write.Value), ("@newEtag", Guid.NewGuid().ToString()),
            ("@expires", expires is { } at ? Timestamp(at) : null), ("@now", Timestamp(now)), ("@etag", write.ETag),
        };
        string sql;
        if (!string.IsNullOrEmpty(write.ETag))
        {
            sql = $"""
                UPDATE {_table} SET value = @value, is_binary = 0, etag = @newEtag, expiration_time = @expires, update_time = @now
                WHERE key = @key AND etag = @etag AND (expiration_time IS NULL OR expiration_time > @now)
                """;
        }
        else
        {
            // First-write may only replace a row that has expired but was not purged yet.
            var onlyIfExpired = write.Concurrency == StateConcurrency.FirstWrite
                ? $"WHERE {_table}.expiration_time IS NOT NULL AND {_table}.expiration_time <= @now"
                : "";
            sql = $"""
                INSERT INTO {_table} (key, value, is_binary, etag, expiration_time, update_time)
                VALUES (@key, @value, 0, @newEtag, @expires, @now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, is_binary = 0, etag = excluded.etag,
                    expiration_time = excluded.expiration_time, update_time = excluded.update_time
                {onlyIfExpired}
                """;
        }
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<bool> DeleteAsync(SqliteConnection connection, StateDelete delete, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(delete.ETag))
        {
            await using var unconditional = Command(connection, $"DELETE FROM {_table} WHERE key = @key", ("@key", delete.Key));
            await unconditional.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        await using var command = Command(connection, $"""
            DELETE FROM {_table} WHERE key = @key AND etag = @etag AND (expiration_time IS NULL OR expiration_time > @now)
            """, ("@key", delete.Key), ("@etag", delete.ETag), ("@now", Timestamp(now)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(cancellationToken);
        await using var command = Command(lease.Connection,
            $"DELETE FROM {_table} WHERE expiration_time IS NOT NULL AND expiration_time <= @now", ("@now", Timestamp(DateTimeOffset.UtcNow)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InWriteTransactionAsync(SqliteConnection connection, Func<Task> body, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            await body();
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
        }
        catch
        {
            // Not cancellable: a connection left inside a transaction would poison the pool.
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private async Task<Lease> OpenAsync(CancellationToken cancellationToken)
    {
        if (_memoryConnection is { } shared)
        {
            await _memoryTurn.WaitAsync(cancellationToken);
            return new Lease(shared, _memoryTurn);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, _connectionSettings, cancellationToken);
            return new Lease(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static StateItem ReadItem(SqliteDataReader reader)
    {
        var value = reader.GetBoolean(2) ? Convert.FromBase64String(reader.GetString(1)) : reader.GetFieldValue<byte[]>(1);
        DateTimeOffset? expires = reader.IsDBNull(4)
            ? null
            : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new StateItem(reader.GetString(0), value, reader.GetString(3), expires);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static bool IsInMemory(string connectionString) =>
        connectionString.StartsWith(":memory:", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase)
        || (connectionString.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && connectionString.Contains("mode=memory", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "State store {Store}: _txlock={TransactionLock} in the connection string is not honoured; DaprLocal begins every write IMMEDIATE (daprd's recommended value)")]
    private static partial void LogTransactionLockIgnored(ILogger logger, string store, string transactionLock);

    // Table names go into SQL text: only what daprd accepts (letters, digits, underscore).
    private static string Identifier(ComponentDefinition component, string key, string defaultValue)
    {
        var name = component.Get(key) ?? defaultValue;
        return SqlIdentifier().IsMatch(name)
            ? name
            : throw new ComponentConfigurationException(component, $"metadata '{key}' must contain only letters, digits and underscores, not '{name}'.");
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex SqlIdentifier();

    /// <summary>A connection to use for one operation: a pooled one to close, or the shared in-memory one to hand back.</summary>
    private sealed class Lease(SqliteConnection connection, SemaphoreSlim? turn) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public async ValueTask DisposeAsync()
        {
            if (turn is null)
            {
                await Connection.DisposeAsync();
            }
            else
            {
                turn.Release();
            }
        }
    }
}
