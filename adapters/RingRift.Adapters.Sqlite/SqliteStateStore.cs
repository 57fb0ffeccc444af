using System;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace RingRift.Adapters.Sqlite;

/// <summary>
/// A node's state database (<c>{node_id}_state.db</c>): WAL journal, <c>synchronous=FULL</c> so a
/// committed transaction survives power loss and <c>kill -9</c>, schema brought up to date by
/// <see cref="SchemaMigrations"/> on open. One connection guarded by a lock: callers may be on any
/// thread (the persist writer, the process adapter), never on the host's driver loop.
/// </summary>
public sealed partial class SqliteStateStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private bool _disposed;

    private SqliteStateStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if absent) the database of <paramref name="nodeId"/> in <paramref name="dataDir"/>.</summary>
    public static SqliteStateStore Open(string dataDir, string nodeId)
    {
        Directory.CreateDirectory(dataDir);
        var path = System.IO.Path.Combine(dataDir, nodeId + "_state.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            Migrate(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StateStoreException($"cannot open state database {path}: {e.Message}", e);
        }
        return new SqliteStateStore(connection, path);
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_gate) return ReadUserVersion(_connection);
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the database is sound.</summary>
    public string IntegrityCheck()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            _connection.Dispose();
        }
    }

    private static void Configure(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        Execute(connection, "PRAGMA busy_timeout=5000;");
    }

    private static void Migrate(SqliteConnection connection)
    {
        var current = ReadUserVersion(connection);
        if (current > SchemaMigrations.Latest)
            throw new StateStoreException(
                $"state database schema version {current} is newer than this build's {SchemaMigrations.Latest}");
        for (var version = current + 1; version <= SchemaMigrations.Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = SchemaMigrations.All[version - 1]
                    + $"\nPRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static int ReadUserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
