using System;

namespace RingRift.Host.Config;

/// <summary>Bad configuration: stops startup with a message naming where (file:line, flag or variable) and why.</summary>
public sealed class ConfigException(string message) : Exception(message)
{
    public static ConfigException At(string file, int line, string problem) => new($"{file}:{line}: {problem}");
}
