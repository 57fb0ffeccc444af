using System;

namespace RingRift.Adapters.Sqlite;

/// <summary>The state database cannot be used: newer than this build, or failing its integrity check.</summary>
public sealed class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);
