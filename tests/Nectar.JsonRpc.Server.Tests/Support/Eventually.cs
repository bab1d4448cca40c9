namespace Nectar.JsonRpc.Server.Tests.Support;

/// <summary>Polls a condition with a bound instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail("timed out waiting for " + what);
            }

            await Task.Delay(5);
        }
    }
}
