using System.Collections.Generic;

namespace RingRift.Adapters.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>Rows <c>metrics_history</c> keeps; older ones are deleted as new ones come.</summary>
    public const int MetricsHistoryRowsMax = 100_000;

    /// <summary>
    /// Counts one observation of each peer in <c>peer_cache</c>, in one transaction: an alive peer
    /// adds a success and its last-seen time, any other state a failure; the reputation score is the
    /// share of successes. The cache outlives restarts, as the original's bootstrap cache.
    /// </summary>
    public void ObservePeers(IReadOnlyList<PeerRecord> peers)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = UnixSeconds();
            using var transaction = _connection.BeginTransaction();
            foreach (var peer in peers)
            {
                var alive = peer.Status == "alive";
                using var upsert = _connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO peer_cache (node_id, host, port, last_seen, success_count, failure_count, reputation_score)
                    VALUES ($id, $host, $port, $seen, $ok, $bad, $ok)
                    ON CONFLICT (node_id) DO UPDATE SET
                        host = coalesce(excluded.host, host), port = coalesce(excluded.port, port),
                        last_seen = coalesce(excluded.last_seen, last_seen),
                        success_count = success_count + excluded.success_count,
                        failure_count = failure_count + excluded.failure_count,
                        reputation_score = (success_count + excluded.success_count) * 1.0
                            / (success_count + excluded.success_count + failure_count + excluded.failure_count);
                    """;
                upsert.Parameters.AddWithValue("$id", peer.NodeId);
                upsert.Parameters.AddWithValue("$host", (object?)peer.Host ?? System.DBNull.Value);
                upsert.Parameters.AddWithValue("$port", (object?)peer.Port ?? System.DBNull.Value);
                upsert.Parameters.AddWithValue("$seen", alive ? now : System.DBNull.Value);
                upsert.Parameters.AddWithValue("$ok", alive ? 1 : 0);
                upsert.Parameters.AddWithValue("$bad", alive ? 0 : 1);
                upsert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>Appends samples to <c>metrics_history</c> in one transaction and drops rows beyond <see cref="MetricsHistoryRowsMax"/>.</summary>
    public void RecordMetrics(IReadOnlyList<(string Type, double Value)> samples)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = UnixSeconds();
            using var transaction = _connection.BeginTransaction();
            foreach (var (type, value) in samples)
            {
                using var insert = _connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO metrics_history (timestamp, metric_type, value) VALUES ($now, $type, $value);";
                insert.Parameters.AddWithValue("$now", now);
                insert.Parameters.AddWithValue("$type", type);
                insert.Parameters.AddWithValue("$value", value);
                insert.ExecuteNonQuery();
            }
            using (var prune = _connection.CreateCommand())
            {
                prune.Transaction = transaction;
                prune.CommandText = "DELETE FROM metrics_history WHERE id <= (SELECT max(id) FROM metrics_history) - $max;";
                prune.Parameters.AddWithValue("$max", MetricsHistoryRowsMax);
                prune.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>The <c>peer_cache</c> row of a node: successes, failures, reputation; null when never seen.</summary>
    public (long Successes, long Failures, double Reputation)? PeerCacheEntry(string nodeId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT success_count, failure_count, reputation_score FROM peer_cache WHERE node_id = $id;";
            command.Parameters.AddWithValue("$id", nodeId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2)) : null;
        }
    }

    /// <summary>How many <c>metrics_history</c> rows have this type.</summary>
    public long MetricRows(string metricType)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM metrics_history WHERE metric_type = $type;";
            command.Parameters.AddWithValue("$type", metricType);
            return (long)command.ExecuteScalar()!;
        }
    }
}
