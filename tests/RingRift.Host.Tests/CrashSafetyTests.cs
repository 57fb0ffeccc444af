using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using RingRift.Adapters.Sqlite;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// A child process writes kernel states as fast as it can and prints each version once its write
/// returned; it is killed with SIGKILL at a random moment, several times over the same database.
/// Every acknowledged version must survive, and the database must pass PRAGMA integrity_check.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Rounds = 5;

    [Fact]
    public async Task KillNine_DuringWrites_LosesNoAcknowledgedWriteAndStaysIntact()
    {
        using var dir = new TempDir();
        var random = new Random(42);
        long acknowledged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (loaded, last) = await RunAndKill(dir.Path, random.Next(50, 400));
            Assert.True(loaded >= acknowledged, $"round {round}: the writer restarted at {loaded}, below acknowledged {acknowledged}");
            acknowledged = Math.Max(acknowledged, last);

            using var store = SqliteStateStore.Open(dir.Path, "crash");
            Assert.Equal("ok", store.IntegrityCheck());
            Assert.True(store.LoadKernelState().Version >= acknowledged,
                $"round {round}: acknowledged {acknowledged} but loaded {store.LoadKernelState().Version}");
        }
        Assert.True(acknowledged > Rounds, "the writer acknowledged almost nothing; the test proved little");
    }

    /// <summary>Starts the writer, lets it write for <paramref name="millis"/> after it is ready, kills it; returns the version it loaded and the last it acknowledged.</summary>
    private static async Task<(long Loaded, long Last)> RunAndKill(string dataDir, int millis)
    {
        var writerDll = Path.Combine(AppContext.BaseDirectory, "RingRift.Sqlite.CrashWriter.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(writerDll);
        info.ArgumentList.Add(dataDir);
        using var process = Process.Start(info)!;
        long last = 0, loaded = -1;
        var ready = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("ready ", StringComparison.Ordinal))
                {
                    loaded = long.Parse(line[6..], CultureInfo.InvariantCulture);
                    ready.TrySetResult();
                }
                else if (line.StartsWith("acked ", StringComparison.Ordinal)) last = long.Parse(line[6..], CultureInfo.InvariantCulture);
            }
        });
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(millis);
        process.Kill();
        await process.WaitForExitAsync();
        await reading;
        return (loaded, last);
    }
}
