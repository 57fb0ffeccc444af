using System;
using System.Collections.Generic;
using System.Globalization;

namespace RingRift.Adapters.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>
    /// Replaces the <c>peers</c> table with this node's current view, in one transaction. For operators
    /// and tools reading the database, as the original's peer table; the kernel rebuilds its view at boot.
    /// </summary>
    public void SavePeers(IReadOnlyList<PeerRecord> peers)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = UnixSeconds();
            using var transaction = _connection.BeginTransaction();
            using (var clear = _connection.CreateCommand())
            {
                clear.Transaction = transaction;
                clear.CommandText = "DELETE FROM peers;";
                clear.ExecuteNonQuery();
            }
            foreach (var peer in peers)
            {
                using var insert = _connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO peers (node_id, host, port, last_seen, status, metadata) VALUES ($id, $host, $port, $now, $status, $meta);";
                insert.Parameters.AddWithValue("$id", peer.NodeId);
                insert.Parameters.AddWithValue("$host", (object?)peer.Host ?? DBNull.Value);
                insert.Parameters.AddWithValue("$port", (object?)peer.Port ?? DBNull.Value);
                insert.Parameters.AddWithValue("$now", now);
                insert.Parameters.AddWithValue("$status", peer.Status);
                insert.Parameters.AddWithValue("$meta", "{\"incarnation\":" + peer.Incarnation.ToString(CultureInfo.InvariantCulture) + "}");
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>The <c>peers</c> table, in node-id order.</summary>
    public IReadOnlyList<PeerRecord> LoadPeers()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT node_id, host, port, status, metadata FROM peers ORDER BY node_id;";
            using var reader = command.ExecuteReader();
            var peers = new List<PeerRecord>();
            while (reader.Read())
            {
                var meta = reader.IsDBNull(4) ? "" : reader.GetString(4);
                var digits = meta.Trim('{', '}').Split(':');
                var incarnation = digits.Length == 2 && long.TryParse(digits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                peers.Add(new PeerRecord(
                    reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3), incarnation));
            }
            return peers;
        }
    }
}
