namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>
/// The schedule of an open-loop load at a fixed rate: send i is due at i / rate seconds after the start, whatever
/// happened to earlier sends. A pacer that wakes late sends everything that has come due at once, so the offered
/// rate over the run stays exact; how late the sends left is measured separately (the pacing lag).
/// </summary>
internal sealed class RatePacer
{
    private readonly double _ratePerSecond;
    private readonly long _ticksPerSecond;

    /// <summary>Creates a schedule.</summary>
    /// <param name="ratePerSecond">Sends per second, positive.</param>
    /// <param name="total">How many sends in all.</param>
    /// <param name="ticksPerSecond">The clock's frequency (<see cref="System.Diagnostics.Stopwatch.Frequency"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive rate or frequency, or a negative total.</exception>
    public RatePacer(double ratePerSecond, long total, long ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        _ratePerSecond = ratePerSecond;
        _ticksPerSecond = ticksPerSecond;
        Total = total;
    }

    /// <summary>How many sends in all.</summary>
    public long Total { get; }

    /// <summary>How many sends are due <paramref name="elapsedTicks"/> after the start: send 0 at once, then one per 1 / rate.</summary>
    /// <param name="elapsedTicks">Clock ticks since the start.</param>
    /// <returns>The number of sends that should have left by then, at most <see cref="Total"/>.</returns>
    public long DueBy(long elapsedTicks)
    {
        if (elapsedTicks < 0)
        {
            return 0;
        }

        // Floor of elapsed * rate, plus the send at time zero. Whole seconds and the remainder are taken apart so
        // that long runs at a high clock frequency cannot lose precision in the product.
        var seconds = elapsedTicks / _ticksPerSecond;
        var remainder = elapsedTicks % _ticksPerSecond;
        var due = Math.Floor((seconds * _ratePerSecond) + (remainder * _ratePerSecond / _ticksPerSecond)) + 1;
        return due >= Total ? Total : (long)due;
    }

    /// <summary>When send <paramref name="index"/> is due.</summary>
    /// <param name="index">The send's index, from 0.</param>
    /// <returns>Clock ticks after the start.</returns>
    public long DueAt(long index) => (long)Math.Ceiling(index * (double)_ticksPerSecond / _ratePerSecond);
}
