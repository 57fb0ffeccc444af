using System;
using System.Collections.Generic;

namespace RingRift.Kernel.Node;

/// <summary>A kernel was constructed with a configuration that <see cref="KernelConfig.Validate"/> rejects.</summary>
public sealed class KernelConfigException(IReadOnlyList<string> errors)
    : Exception("invalid kernel config: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
