namespace RingRift.Simulator.Engine;

/// <summary>What a queued simulator event does when its time comes.</summary>
internal enum EventKind : byte
{
    /// <summary>A message reaches <c>Node</c> from <c>Peer</c>.</summary>
    Deliver,
    /// <summary>A node's requested deadline; ignored unless <c>Token</c> is the node's current wake token.</summary>
    Wake,
    /// <summary>An effect of the node's life <c>Token</c> completes.</summary>
    EffectDone,
    /// <summary>A node's stop-the-world pause ends.</summary>
    Resume,
    /// <summary>A scenario timeline entry happens.</summary>
    Timeline,
    /// <summary>A flapping link changes state.</summary>
    Flap,
    /// <summary>An expected view is checked.</summary>
    Expect,
    /// <summary>The operations model: a sampling round, or an overloaded node's stall.</summary>
    Operations,
    /// <summary>The simulated provider acts: a provisioned node boots, a filling disk is sampled.</summary>
    Provider,
    /// <summary>A node's process layer kills the jobs whose work lease ended; ignored unless <c>Token</c> is the node's current one.</summary>
    LeaseCheck,
}
