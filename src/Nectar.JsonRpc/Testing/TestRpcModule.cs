using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Testing;

/// <summary>The implementation of <see cref="ITestRpcModule"/>.</summary>
/// <param name="chainId">The id <c>test_chainId</c> returns.</param>
public sealed class TestRpcModule(ulong chainId = 0x539) : ITestRpcModule
{
    private long _notifications;

    /// <summary>How many times <c>test_notify</c> ran.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <inheritdoc />
    public ulong ChainId() => chainId;

    /// <inheritdoc />
    public string Echo(string message) => message;

    /// <inheritdoc />
    public UInt256 Add(UInt256 a, UInt256 b) => a + b;

    /// <inheritdoc />
    public string Optional(Address account, BlockParameter block = default, ulong? limit = null) =>
        $"{account}@{block} limit={(limit is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}";

    /// <inheritdoc />
    public byte[] Data(byte[] data) => data;

    /// <inheritdoc />
    public Hash256 Hash(Hash256 hash) => hash;

    /// <inheritdoc />
    public BlockParameter Block(BlockParameter block) => block;

    /// <inheritdoc />
    public TestCallRequest Call(TestCallRequest request, BlockParameter block = default) => request;

    /// <inheritdoc />
    public Address WhoAmI(RpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequirePrincipal().Account;
    }

    /// <inheritdoc />
    public byte[] Revert(byte[] data) => throw RpcException.Reverted(data, "test");

    /// <inheritdoc />
    public void Fail(int code, string message) => throw new RpcException(code, message);

    /// <inheritdoc />
    public string Crash(string secret) => throw new InvalidOperationException("unexpected failure holding " + secret);

    /// <inheritdoc />
    public async Task<ulong> DelayAsync(ulong milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken).ConfigureAwait(false);
        return milliseconds;
    }

    /// <inheritdoc />
    public void Notify(string message) => Interlocked.Increment(ref _notifications);
}
