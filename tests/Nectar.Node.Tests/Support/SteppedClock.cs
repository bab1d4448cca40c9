namespace Nectar.Node.Tests.Support;

/// <summary>A clock that moves only when told to; for sessions configured without a sweep timer.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _ticks, delta.Ticks);
}
