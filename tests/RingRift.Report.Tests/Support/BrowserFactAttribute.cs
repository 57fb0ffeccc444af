using System;
using Xunit;

namespace RingRift.Report.Tests.Support;

/// <summary>
/// A test that needs a real browser. Skipped, saying why, only when no Chromium is installed and the
/// environment variable CI is not set; in CI it always runs (and fails if the browser is missing).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = "chromium is not installed (apt-get install -y chromium, as .ci/run does); with CI set this test runs and fails instead";
    }
}
