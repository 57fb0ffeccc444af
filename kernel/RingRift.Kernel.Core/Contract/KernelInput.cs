namespace RingRift.Kernel;

/// <summary>The closed set of things that can happen to a kernel. Immutable.</summary>
public abstract record KernelInput
{
    private protected KernelInput() { }
}

/// <summary>Time passed; sent at or after the last <see cref="Ready.NextDeadline"/>, or any time.</summary>
public sealed record Wake : KernelInput
{
    public static readonly Wake Instance = new();
}

/// <summary>A message arrived from <paramref name="From"/>. It may be late, duplicated or stale.</summary>
public sealed record Deliver(NodeId From, Message Message, bool IsResponse = false) : KernelInput;

/// <summary>An API or operator request; answered by exactly one <see cref="Reply"/> with the same id.</summary>
public sealed record Submit(RequestId RequestId, Command Command) : KernelInput;

/// <summary>The one completion of an effect this kernel issued.</summary>
public sealed record EffectCompleted(EffectId EffectId, EffectOutcome Outcome) : KernelInput;

/// <summary>A fresh sample of this node's resources (GPU, memory, disk).</summary>
public sealed record Observed(ResourceSample Resources) : KernelInput;
