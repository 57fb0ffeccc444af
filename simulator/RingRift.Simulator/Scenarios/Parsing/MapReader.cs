using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// A YAML mapping read by key. Keys must be plain names; <see cref="Allow"/> rejects any key not
/// in the allowed list, naming it and listing the allowed ones, so a typo never passes silently.
/// </summary>
internal sealed class MapReader
{
    private readonly YamlValue _self;
    private readonly string _context;
    private readonly List<(YamlValue Key, string Name, YamlValue Value)> _entries = [];

    public MapReader(YamlValue self, YamlMappingNode mapping, string context)
    {
        _self = self;
        _context = context;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = new YamlValue(keyNode, "a key in " + context, self.SourceName);
            var name = key.Scalar("a name");
            _entries.Add((key, name, new YamlValue(valueNode, $"'{name}'", self.SourceName, key.Line)));
        }
    }

    public int Line => _self.Line;
    public string Context => _context;

    /// <summary>The keys in file order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in _entries) yield return entry.Name;
        }
    }

    /// <summary>The (key, value) pairs in file order, for mappings keyed by names the file chooses.</summary>
    public IEnumerable<(YamlValue Key, string Name, YamlValue Value)> Entries => _entries;

    public void Allow(IReadOnlyList<string> allowed)
    {
        foreach (var (key, name, _) in _entries)
        {
            if (!allowed.Contains(name))
                throw key.Error($"unknown key '{name}' in {_context}{Spelling.Hint(name, allowed)}; allowed: {string.Join(", ", allowed)}");
        }
    }

    public bool Has(string key) => Find(key) is not null;

    public YamlValue? Optional(string key) => Find(key)?.Value;

    public YamlValue Required(string key) =>
        Optional(key) ?? throw _self.Error($"missing required key '{key}' in {_context}");

    public ScenarioException Error(string problem) => _self.Error(problem);

    public ScenarioException ErrorAtKey(string key, string problem) => (Find(key)?.Key ?? _self).Error(problem);

    private (YamlValue Key, string Name, YamlValue Value)? Find(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Name == key) return entry;
        }
        return null;
    }
}
