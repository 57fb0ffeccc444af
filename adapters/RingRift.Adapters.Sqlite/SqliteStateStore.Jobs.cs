using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace RingRift.Adapters.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>Inserts or replaces a job row (the original's INSERT OR REPLACE of local jobs).</summary>
    public void SaveJob(JobRecord job)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = UnixSeconds();
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO jobs (job_id, job_type, node_id, config, pid, process_start_ticks, status, created_at, updated_at)
                VALUES ($id, $type, $node, $config, $pid, $start, $status, $now, $now)
                ON CONFLICT(job_id) DO UPDATE SET job_type = excluded.job_type, node_id = excluded.node_id,
                    config = excluded.config, pid = excluded.pid, process_start_ticks = excluded.process_start_ticks,
                    status = excluded.status, updated_at = excluded.updated_at;
                """;
            command.Parameters.AddWithValue("$id", job.JobId);
            command.Parameters.AddWithValue("$type", job.JobType);
            command.Parameters.AddWithValue("$node", job.NodeId);
            command.Parameters.AddWithValue("$config", job.Config);
            command.Parameters.AddWithValue("$pid", (object?)job.Pid ?? DBNull.Value);
            command.Parameters.AddWithValue("$start", (object?)job.ProcessStartTicks ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", job.Status);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Sets a job's status, e.g. "exited" or "killed".</summary>
    public void SetJobStatus(string jobId, string status)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET status = $status, updated_at = $now WHERE job_id = $id;";
            command.Parameters.AddWithValue("$id", jobId);
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$now", UnixSeconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The jobs recorded as running: after a restart, the candidates for orphan processes.</summary>
    public IReadOnlyList<JobRecord> RunningJobs()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT job_id, job_type, node_id, config, pid, process_start_ticks, status FROM jobs WHERE status = 'running' ORDER BY job_id;";
            using var reader = command.ExecuteReader();
            var jobs = new List<JobRecord>();
            while (reader.Read()) jobs.Add(ReadJob(reader));
            return jobs;
        }
    }

    /// <summary>Appends one sample to <c>metrics_history</c>.</summary>
    public void RecordMetric(string metricType, double value) => RecordMetrics([(metricType, value)]);

    private static JobRecord ReadJob(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? "" : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        reader.GetString(6));

    // Wall-clock timestamps here are for operators reading the table; no decision reads them.
    private static double UnixSeconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
