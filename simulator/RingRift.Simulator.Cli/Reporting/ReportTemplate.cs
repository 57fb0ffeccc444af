using System;
using System.IO;
using System.Net;
using System.Reflection;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>
/// The report page: <c>Assets/report.html</c> with the CSS, the data (JSON) and a script inlined, so the
/// file is self-contained and opens from disk with no network. The assets are embedded resources.
/// </summary>
internal static class ReportTemplate
{
    /// <summary>The text of an embedded asset, e.g. "run.js".</summary>
    public static string Asset(string name)
    {
        using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream("report/" + name)
            ?? throw new InvalidOperationException("missing embedded report asset " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Writes the page: <paramref name="writeData"/> writes the JSON (already safe inside a script element:
    /// the JSON writer escapes '&lt;', '&gt;' and '&amp;'), <paramref name="script"/> names the asset that draws it.
    /// </summary>
    public static void Write(TextWriter output, string title, string script, Action<TextWriter> writeData)
    {
        var page = Asset("report.html");
        var parts = page.Split(["{{TITLE}}", "{{STYLE}}", "{{DATA}}", "{{SCRIPT}}"], StringSplitOptions.None);
        if (parts.Length != 5) throw new InvalidOperationException("report.html must hold each placeholder once");
        output.Write(parts[0]);
        output.Write(WebUtility.HtmlEncode(title));
        output.Write(parts[1]);
        output.Write(Asset("report.css"));
        output.Write(parts[2]);
        writeData(output);
        output.Write(parts[3]);
        output.Write(Asset(script));
        output.Write(parts[4]);
    }

    /// <summary>Wraps a JSON writer's output into the page.</summary>
    public static void WriteJson(TextWriter output, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer)) write(json);
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
