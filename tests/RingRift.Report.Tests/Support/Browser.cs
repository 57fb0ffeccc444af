using System;
using System.Collections.Generic;
using System.IO;

namespace RingRift.Report.Tests.Support;

/// <summary>
/// Headless Chromium, run once per page: `--dump-dom` gives the DOM after the page's scripts ran (the
/// report writes what it rendered, and every script error or console.error, into attributes), and
/// `--screenshot` a PNG. `RINGRIFT_CHROMIUM` overrides where the browser is (a path that does not exist
/// counts as no browser).
/// </summary>
public static class Browser
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Path { get; } = Find();

    /// <summary>The DOM after the page's scripts ran; <paramref name="fragment"/> (e.g. "#selftest") is added to the URL.</summary>
    public static ProcessOutcome DumpDom(string htmlFile, string fragment = "") => Run(htmlFile, fragment, "--dump-dom");

    public static ProcessOutcome Screenshot(string htmlFile, string pngFile, int width, int height) =>
        Run(htmlFile, "", "--screenshot=" + pngFile, $"--window-size={width},{height}", "--hide-scrollbars");

    private static ProcessOutcome Run(string htmlFile, string fragment, params string[] options)
    {
        var browser = Path ?? throw new InvalidOperationException(
            "chromium is not installed: `apt-get install -y chromium` (.ci/run does this), or set RINGRIFT_CHROMIUM");
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ringrift-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var arguments = new List<string>
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            };
            arguments.AddRange(options);
            arguments.Add(new Uri(System.IO.Path.GetFullPath(htmlFile)).AbsoluteUri + fragment);
            return ChildProcess.Run(browser, arguments, Limit);
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("RINGRIFT_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
