using System.Collections.Generic;
using System.Text.Json;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>
/// Strings of the report data written once and referred to by index: states and notice texts repeat
/// across thousands of intervals, so the table keeps the file small.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<string> _strings = new();

    public int this[string text]
    {
        get
        {
            if (_index.TryGetValue(text, out var found)) return found;
            _index.Add(text, _strings.Count);
            _strings.Add(text);
            return _strings.Count - 1;
        }
    }

    public void Write(Utf8JsonWriter json, string property)
    {
        json.WriteStartArray(property);
        foreach (var text in _strings) json.WriteStringValue(text);
        json.WriteEndArray();
    }
}
