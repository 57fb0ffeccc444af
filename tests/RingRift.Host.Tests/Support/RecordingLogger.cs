using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace RingRift.Host.Tests.Support;

/// <summary>An ILogger that keeps each entry's named properties, to check structured logging.</summary>
public sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<IReadOnlyDictionary<string, object?>> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> properties) Entries.Enqueue(properties.ToDictionary(p => p.Key, p => p.Value));
    }
}
