using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RingRift.Kernel;

namespace RingRift.Adapters.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>The last state saved, or <see cref="PersistentState.Empty"/> for a new database.</summary>
    public PersistentState LoadKernelState()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var values = ReadState();
            if (!values.TryGetValue(StateKeys.Version, out var version)) return PersistentState.Empty;
            var grantee = values.GetValueOrDefault(StateKeys.Grantee, "");
            return new PersistentState(Number(version), Number(values.GetValueOrDefault(StateKeys.BootCount, "0")))
            {
                Election = new ElectionDurable(
                    Number(values.GetValueOrDefault(StateKeys.MaxEpoch, "0")),
                    Number(values.GetValueOrDefault(StateKeys.GrantedEpoch, "0")),
                    grantee.Length == 0 ? null : new NodeId(grantee)),
                Pipeline = values.TryGetValue(StateKeys.Pipeline, out var pipeline) ? DecodePipeline(pipeline) : PipelineSnapshot.Empty,
                Journal = values.TryGetValue(StateKeys.Journal, out var journal) ? JournalCodec.Decode(journal) : [],
            };
        }
    }

    /// <summary>
    /// Writes <paramref name="state"/> whole, in one transaction that is durable when this returns.
    /// Returns false, writing nothing, when the stored version is already as high: a store never goes
    /// backwards. Throws <see cref="SqliteException"/> when the write fails (disk full, I/O error).
    /// </summary>
    public bool SaveKernelState(PersistentState state)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var transaction = _connection.BeginTransaction();
            if (StoredVersion(transaction) >= state.Version) return false;
            Put(transaction, "state", StateKeys.Version, state.Version);
            Put(transaction, "state", StateKeys.BootCount, state.BootCount);
            Put(transaction, "state", StateKeys.MaxEpoch, state.Election.MaxEpoch);
            Put(transaction, "state", StateKeys.GrantedEpoch, state.Election.GrantedEpoch);
            Put(transaction, "state", StateKeys.Grantee, state.Election.Grantee?.Value ?? "");
            Put(transaction, "config", StateKeys.ClusterEpoch, state.Election.MaxEpoch);
            Put(transaction, "state", StateKeys.Pipeline, EncodePipeline(state.Pipeline));
            Put(transaction, "state", StateKeys.Journal, JournalCodec.Encode(state.Journal));
            transaction.Commit();
            return true;
        }
    }

    private long StoredVersion(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM state WHERE key = $key;";
        command.Parameters.AddWithValue("$key", StateKeys.Version);
        return command.ExecuteScalar() is string text ? Number(text) : -1;
    }

    private Dictionary<string, string> ReadState()
    {
        var values = new Dictionary<string, string>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM state;";
        using var reader = command.ExecuteReader();
        while (reader.Read()) values[reader.GetString(0)] = reader.GetString(1);
        return values;
    }

    private void Put(SqliteTransaction transaction, string table, string key, long value) =>
        Put(transaction, table, key, value.ToString(CultureInfo.InvariantCulture));

    private void Put(SqliteTransaction transaction, string table, string key, string value)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static string EncodePipeline(PipelineSnapshot pipeline)
    {
        var writer = new WireWriter();
        pipeline.Write(writer);
        return System.Convert.ToBase64String(writer.Written);
    }

    /// <summary>The stored pipeline; the empty one decodes to <see cref="PipelineSnapshot.Empty"/> itself.</summary>
    private static PipelineSnapshot DecodePipeline(string text)
    {
        try
        {
            var reader = new WireReader(System.Convert.FromBase64String(text));
            var pipeline = PipelineSnapshot.Read(ref reader);
            if (!reader.AtEnd) throw new StateStoreException("stored pipeline has trailing bytes");
            return pipeline is { Epoch: 0, Version: 0, Configs.IsEmpty: true } ? PipelineSnapshot.Empty : pipeline;
        }
        catch (System.Exception e) when (e is System.FormatException or MalformedMessageException)
        {
            throw new StateStoreException("stored pipeline is corrupt: " + e.Message);
        }
    }

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StateStoreException($"state value '{text}' is not a number");
}
