using System;
using System.IO;
using RingRift.Simulator.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Turns scenario text into its one YAML document, reporting syntax errors with their line.</summary>
internal static class YamlLoader
{
    public static YamlValue LoadRoot(string yamlText, string sourceName)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yamlText));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ScenarioException(sourceName, LineOf(e.Start), "YAML syntax error: " + e.Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when a flow collection is still open at a new key.
            var line = parser.Current is null ? 1 : LineOf(parser.Current.End);
            throw new ScenarioException(sourceName, line, "YAML syntax error: a '[' or '{' is not closed");
        }
        if (stream.Documents.Count == 0)
            throw new ScenarioException(sourceName, 1, "the scenario is empty");
        if (stream.Documents.Count > 1)
            throw new ScenarioException(sourceName, LineOf(stream.Documents[1].RootNode.Start),
                "a scenario is one YAML document, but a second one starts here");
        return new YamlValue(stream.Documents[0].RootNode, "the scenario", sourceName);
    }

    public static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);
}
