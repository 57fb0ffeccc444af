namespace RingRift.Kernel;

/// <summary>The answer to one <see cref="Submit"/>.</summary>
public sealed record Reply(RequestId RequestId, bool Accepted, string Detail);
