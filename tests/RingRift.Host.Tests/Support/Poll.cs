using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace RingRift.Host.Tests.Support;

/// <summary>Bounded waits for real-time tests: poll a condition until it holds or the limit passes.</summary>
public static class Poll
{
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }

    public static Task<bool> Until(Func<bool> condition, TimeSpan limit) => Until(() => Task.FromResult(condition()), limit);
}
