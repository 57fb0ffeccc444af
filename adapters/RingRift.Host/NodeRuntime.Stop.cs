using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RingRift.Kernel;
using RingRift.Kernel.Election;

namespace RingRift.Host;

public sealed partial class NodeRuntime
{
    private static readonly TimeSpan StepDownWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SendDrainWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Graceful stop (SIGTERM): refuse new work; step down if leading, so followers need not wait a
    /// lease out; terminate every job this host owns; cancel transfers; stop the loop; write every queued persist;
    /// drain queued messages for a bounded time; close the database.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _accepting = false;
        _logger.LogInformation("node {Node} stopping", _settings.Self);
        if (_driver.IsRunning && _driver.Status.Role == NodeRole.Leader) await StepDownAsync().ConfigureAwait(false);
        await _processes.TerminateAllAsync().ConfigureAwait(false);
        _processes.Dispose();
        _transfers.CancelAll();
        if (_files is not null) await _files.DisposeAsync().ConfigureAwait(false);
        await _sampler.DisposeAsync().ConfigureAwait(false);
        await _tables.DisposeAsync().ConfigureAwait(false);
        await _driver.DisposeAsync().ConfigureAwait(false);
        if (Events.Forwarder is { } forwarder) await forwarder.DisposeAsync().ConfigureAwait(false);
        if (_udp is not null) await _udp.DisposeAsync().ConfigureAwait(false);
        await _persist.DisposeAsync().ConfigureAwait(false);
        _tables.WriteIfChanged();
        try
        {
            await _sender.DisposeAsync().AsTask().WaitAsync(SendDrainWait, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("gave up on messages still queued for slow peers");
        }
        _store.Dispose();
        _logger.LogInformation("node {Node} stopped", _settings.Self);
    }

    private async Task StepDownAsync()
    {
        using var timeout = new CancellationTokenSource(StepDownWait);
        try
        {
            var reply = await _driver.SubmitAsync(new StepDown(), timeout.Token).ConfigureAwait(false);
            _logger.LogInformation("stepped down: {Detail}", reply.Detail);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("step-down got no answer in {Wait}", StepDownWait);
        }
    }
}
