using System;

namespace RingRift.Kernel;

/// <summary>Thrown when an <see cref="Invariant"/> fails: a bug, never a handled condition.</summary>
public sealed class InvariantViolationException(string message) : Exception(message);
