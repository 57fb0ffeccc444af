using System;

namespace RingRift.Kernel;

/// <summary>Raised by <see cref="WireReader"/> on bytes that are not a valid encoding.</summary>
public sealed class MalformedMessageException(string message) : Exception(message);
