using System.Collections.Immutable;

namespace RingRift.Adapters.Sqlite;

/// <summary>
/// The schema, as numbered migrations applied in order inside one transaction each; the database's
/// <c>PRAGMA user_version</c> is the number of the last one applied. Append new migrations; never
/// edit one that has shipped. The tables are the original orchestrator's (peers, jobs, state,
/// metrics_history, peer_cache, config), with the columns this host uses.
/// </summary>
public static class SchemaMigrations
{
    public static readonly ImmutableArray<string> All =
    [
        """
        CREATE TABLE peers (
            node_id TEXT PRIMARY KEY,
            host TEXT,
            port INTEGER,
            last_seen REAL,
            status TEXT,
            metadata TEXT
        );
        CREATE TABLE jobs (
            job_id TEXT PRIMARY KEY,
            job_type TEXT NOT NULL,
            node_id TEXT NOT NULL,
            config TEXT,
            pid INTEGER,
            process_start_ticks INTEGER,
            status TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE metrics_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp REAL NOT NULL,
            metric_type TEXT NOT NULL,
            board_type TEXT,
            num_players INTEGER,
            value REAL NOT NULL,
            metadata TEXT
        );
        CREATE INDEX ix_metrics_history_type_time ON metrics_history (metric_type, timestamp);
        CREATE TABLE peer_cache (
            node_id TEXT PRIMARY KEY,
            host TEXT,
            port INTEGER,
            tailscale_ip TEXT,
            last_seen REAL,
            success_count INTEGER NOT NULL DEFAULT 0,
            failure_count INTEGER NOT NULL DEFAULT 0,
            reputation_score REAL NOT NULL DEFAULT 0.5,
            is_bootstrap_seed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
        """
        CREATE INDEX ix_jobs_status ON jobs (status);
        """,
    ];

    /// <summary>The schema version a fully migrated database has.</summary>
    public static int Latest => All.Length;
}
