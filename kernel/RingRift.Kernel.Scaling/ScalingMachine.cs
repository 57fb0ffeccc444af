using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scaling;

/// <summary>
/// The leader's auto-scaler: every <see cref="ScalingConfig.CheckInterval"/> while this node leads it
/// tracks how long each managed node has held no job, asks <see cref="ScalingPlanner"/>, and turns its
/// verdict into <see cref="ProvisionNodes"/> and <see cref="DecommissionNode"/> effects and the drain set
/// dispatch reads. After any provision or decommission it cools down for <see cref="ScalingConfig.Cooldown"/>.
/// Losing leadership forgets everything (drains end, idle clocks restart): the next leader starts afresh.
/// Single-threaded; owned by one kernel.
/// </summary>
public sealed class ScalingMachine(ScalingConfig config, Outbox outbox)
{
    private readonly SortedDictionary<NodeId, Instant> _idleSince = new();
    private readonly SortedSet<NodeId> _draining = new();
    private readonly Dictionary<EffectId, int> _provisioning = new();
    private readonly Dictionary<NodeId, string> _refused = new();
    private readonly HashSet<EffectId> _decommissioning = new();
    private Instant _nextCheck = Instant.MaxValue;
    private Instant _coolUntil;
    private int _provisioningNodes;

    public ScalingConfig Config => config;

    /// <summary>Managed nodes dispatch must place nothing new on.</summary>
    public IReadOnlySet<NodeId> Draining => _draining;

    public Instant NextDeadline => _nextCheck;

    /// <summary>True when this leader's check is due (the first one a check interval after it starts leading).</summary>
    public bool IsDue(Instant now, bool leading)
    {
        if (!leading)
        {
            if (_nextCheck != Instant.MaxValue) StepDown();
            return false;
        }
        if (_nextCheck == Instant.MaxValue) _nextCheck = now + config.CheckInterval;
        return now >= _nextCheck;
    }

    /// <summary>Runs one check on the leader's view; call only when <see cref="IsDue"/>.</summary>
    public ScalingDecision Check(Instant now, ScalingInput input)
    {
        Invariant.True(now >= _nextCheck);
        _nextCheck = now + config.CheckInterval;
        var decision = ScalingPlanner.Decide(config, input, Views(now, input), _provisioningNodes, now < _coolUntil);
        Apply(now, input, decision);
        return decision;
    }

    /// <summary>Takes the completion of an effect this machine issued; false when it is not one of them.</summary>
    public bool OnCompleted(EffectId id, EffectOutcome outcome)
    {
        if (_provisioning.Remove(id, out var count))
        {
            _provisioningNodes -= count;
            if (outcome is NodesProvisioned done) outbox.Notify(new ScaleUpCompleted(done.Booted.Length, done.FailedBoots));
            return true;
        }
        return _decommissioning.Remove(id);
    }

    private ImmutableArray<ScalingNodeView> Views(Instant now, ScalingInput input)
    {
        var views = ImmutableArray.CreateBuilder<ScalingNodeView>(input.Managed.Length);
        foreach (var facts in input.Managed)
        {
            if (!facts.Up || facts.HeldJobs > 0) _idleSince.Remove(facts.Node);
            else if (!_idleSince.ContainsKey(facts.Node)) _idleSince.Add(facts.Node, now);
            var idle = _idleSince.TryGetValue(facts.Node, out var since) ? now - since : Duration.Zero;
            if (!facts.Up) _draining.Remove(facts.Node);
            views.Add(new ScalingNodeView(facts, idle, _draining.Contains(facts.Node)));
        }
        return views.MoveToImmutable();
    }

    private void Apply(Instant now, ScalingInput input, ScalingDecision decision)
    {
        NoteRefusals(decision);
        foreach (var node in decision.Undrain) SetDraining(node, false);
        foreach (var node in decision.Drain) SetDraining(node, true);
        if (decision.Provision > 0)
        {
            var id = outbox.NextEffectId();
            _provisioning.Add(id, decision.Provision);
            _provisioningNodes += decision.Provision;
            outbox.Issue(new ProvisionNodes(id, decision.Provision, config.Profile));
            outbox.Notify(new ScaleUpRequested(decision.Provision, decision.PendingPerNodeBp, input.LiveWorkers));
            _coolUntil = now + config.Cooldown;
        }
        foreach (var node in decision.Decommission)
        {
            var id = outbox.NextEffectId();
            _decommissioning.Add(id);
            outbox.Issue(new DecommissionNode(id, node));
            outbox.Notify(new ScaleDownRequested(node, now - _idleSince[node], decision.PendingPerNodeBp));
            _idleSince.Remove(node);
            _draining.Remove(node);
            _coolUntil = now + config.Cooldown;
        }
    }

    /// <summary>A refusal is a notice when it starts or its reason changes, not at every check.</summary>
    private void NoteRefusals(ScalingDecision decision)
    {
        foreach (var (node, reason) in decision.Refused)
        {
            if (_refused.TryGetValue(node, out var last) && last == reason) continue;
            _refused[node] = reason;
            outbox.Notify(new ScaleDownRefused(node, reason));
        }
    }

    private void SetDraining(NodeId node, bool draining)
    {
        var changed = draining ? _draining.Add(node) : _draining.Remove(node);
        if (changed) outbox.Notify(new NodeDraining(node, draining));
    }

    private void StepDown()
    {
        _nextCheck = Instant.MaxValue;
        _idleSince.Clear();
        _draining.Clear();
        _refused.Clear();
    }
}
