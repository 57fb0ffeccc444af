using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>
/// The auto-scaler's provider on a real cluster: runs the configured command for each
/// <see cref="ProvisionNodes"/> (placeholders <c>{count}</c>, <c>{profile}</c>, <c>{effect_id}</c>) and each
/// <see cref="DecommissionNode"/> (<c>{node_id}</c>, <c>{effect_id}</c>), off the driver loop, and posts the
/// completion when the command exits: exit code 0 is success. A provisioned machine joins by booting its own
/// node, so the completion names no node; a failed provision counts all its nodes as failed boots. Without a
/// command for an effect the effect fails at once, and says why.
/// </summary>
public sealed class ProviderCommands(
    ImmutableArray<string> provision, ImmutableArray<string> decommission, Action<EffectCompleted> complete, ILogger logger)
{
    /// <summary>Starts the effect's command; false when the effect is not a provider's.</summary>
    public bool TryPerform(Effect effect)
    {
        switch (effect)
        {
            case ProvisionNodes p:
                Run(p.Id, provision, new Dictionary<string, string>
                {
                    ["{count}"] = p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["{profile}"] = p.Profile, ["{effect_id}"] = p.Id.ToString(),
                }, (ok, _) => new NodesProvisioned([], ok ? 0 : p.Count));
                return true;
            case DecommissionNode d:
                Run(d.Id, decommission, new Dictionary<string, string> { ["{node_id}"] = d.Node.Value, ["{effect_id}"] = d.Id.ToString() },
                    (ok, reason) => new NodeDecommissioned(ok, reason));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The template with every placeholder replaced, argument by argument (no shell is involved).</summary>
    public static ImmutableArray<string> Expand(ImmutableArray<string> template, IReadOnlyDictionary<string, string> values)
    {
        var args = ImmutableArray.CreateBuilder<string>(template.Length);
        foreach (var part in template)
        {
            var arg = part;
            foreach (var (key, value) in values) arg = arg.Replace(key, value, StringComparison.Ordinal);
            args.Add(arg);
        }
        return args.MoveToImmutable();
    }

    private void Run(EffectId id, ImmutableArray<string> template, IReadOnlyDictionary<string, string> values, Func<bool, string, EffectOutcome> outcome)
    {
        if (template.IsDefaultOrEmpty)
        {
            complete(new EffectCompleted(id, outcome(false, "no provider command configured")));
            return;
        }
        var args = Expand(template, values);
        _ = Task.Run(async () =>
        {
            var (ok, reason) = await Execute(args).ConfigureAwait(false);
            logger.LogInformation("provider command {Command} for {Effect}: {Result}", args[0], id, ok ? "succeeded" : reason);
            complete(new EffectCompleted(id, outcome(ok, reason)));
        });
    }

    private static async Task<(bool Ok, string Reason)> Execute(ImmutableArray<string> args)
    {
        try
        {
            var start = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            for (var i = 1; i < args.Length; i++) start.ArgumentList.Add(args[i]);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            await stdout.ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            var tail = stderr.Length > 200 ? stderr[^200..] : stderr;
            return process.ExitCode == 0 ? (true, "") : (false, $"exit code {process.ExitCode}: {tail.Trim()}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (false, e.Message);
        }
    }
}
