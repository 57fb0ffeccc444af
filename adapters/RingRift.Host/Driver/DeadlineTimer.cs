using System;
using System.Threading;
using RingRift.Kernel;

namespace RingRift.Host.Driver;

/// <summary>
/// The one timer of the driver loop: armed for the kernel's <see cref="Ready.NextDeadline"/>, it posts
/// a wake when that time comes. Armed only from the loop; the callback only posts.
/// </summary>
internal sealed class DeadlineTimer : IDisposable
{
    /// <summary>A wake at least this often: an early wake is harmless, and it keeps far deadlines in the timer's range.</summary>
    private static readonly long MaxWaitMillis = (long)TimeSpan.FromMinutes(10).TotalMilliseconds;

    private readonly Timer _timer;
    private Instant? _armed;

    public DeadlineTimer(Action fire) => _timer = new Timer(static state => ((Action)state!)(), fire, Timeout.Infinite, Timeout.Infinite);

    /// <summary>Arms for <paramref name="deadline"/> unless already armed for it; null disarms.</summary>
    public void Arm(Instant? deadline, Instant now)
    {
        if (deadline == _armed) return;
        _armed = deadline;
        if (deadline is not { } at)
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }
        var micros = (at - now).Micros;
        // Rounded up so the wake never comes before the deadline the kernel asked for.
        var millis = micros <= 0 ? 0 : Math.Min((micros + 999) / 1000, MaxWaitMillis);
        _timer.Change(TimeSpan.FromMilliseconds(millis), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer fired and its wake was taken: the next <see cref="Arm"/> must re-arm even for the same deadline.</summary>
    public void Fired() => _armed = null;

    public void Dispose() => _timer.Dispose();
}
