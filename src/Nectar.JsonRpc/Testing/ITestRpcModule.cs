using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Testing;

/// <summary>
/// A small module that exercises the framework end to end: every parameter shape, result shape and error class.
/// Registered by tests and benchmarks; never by a production node.
/// </summary>
public interface ITestRpcModule
{
    /// <summary>A trivial public call shaped like <c>eth_chainId</c>.</summary>
    /// <returns>The configured chain id as a quantity.</returns>
    [JsonRpcMethod("test_chainId", Description = "Returns a fixed chain id, like eth_chainId.", IsPublic = true)]
    ulong ChainId();

    /// <summary>Returns its argument.</summary>
    /// <param name="message">Any string.</param>
    /// <returns>The same string.</returns>
    [JsonRpcMethod("test_echo", Description = "Returns its argument.")]
    string Echo(string message);

    /// <summary>Adds two 256-bit quantities, wrapping.</summary>
    /// <param name="a">First addend.</param>
    /// <param name="b">Second addend.</param>
    /// <returns>The sum modulo 2^256.</returns>
    [JsonRpcMethod("test_add", Description = "Adds two quantities.")]
    UInt256 Add(UInt256 a, UInt256 b);

    /// <summary>Describes its arguments, two of them optional.</summary>
    /// <param name="account">An address.</param>
    /// <param name="block">A block parameter; latest when omitted.</param>
    /// <param name="limit">An optional limit.</param>
    /// <returns>A description such as <c>0xabc..@latest limit=none</c>.</returns>
    [JsonRpcMethod("test_optional", Description = "Describes an address, an optional block and an optional limit.")]
    string Optional(Address account, BlockParameter block = default, ulong? limit = null);

    /// <summary>Returns its data argument.</summary>
    /// <param name="data">Hex data.</param>
    /// <returns>The same bytes.</returns>
    [JsonRpcMethod("test_data", Description = "Returns its data argument.")]
    byte[] Data(byte[] data);

    /// <summary>Returns its hash argument.</summary>
    /// <param name="hash">A 32-byte hash.</param>
    /// <returns>The same hash.</returns>
    [JsonRpcMethod("test_hash", Description = "Returns its hash argument.")]
    Hash256 Hash(Hash256 hash);

    /// <summary>Returns its block parameter.</summary>
    /// <param name="block">A block parameter.</param>
    /// <returns>The same parameter.</returns>
    [JsonRpcMethod("test_block", Description = "Returns its block parameter.")]
    BlockParameter Block(BlockParameter block);

    /// <summary>Returns its object parameter, as read (needs <see cref="TestRpcJsonContext"/> registered).</summary>
    /// <param name="request">A transaction-shaped object.</param>
    /// <param name="block">A block parameter; latest when omitted.</param>
    /// <returns>The same object.</returns>
    [JsonRpcMethod("test_call", Description = "Returns its call object.")]
    TestCallRequest Call(TestCallRequest request, BlockParameter block = default);

    /// <summary>Returns the caller's account.</summary>
    /// <param name="context">The call context.</param>
    /// <returns>The authenticated account.</returns>
    [JsonRpcMethod("test_whoami", Description = "Returns the authenticated account.")]
    Address WhoAmI(RpcCallContext context);

    /// <summary>Fails with execution-reverted (3) carrying <paramref name="data"/>.</summary>
    /// <param name="data">The revert bytes.</param>
    /// <returns>Never returns.</returns>
    [JsonRpcMethod("test_revert", Description = "Reverts with the given data.")]
    byte[] Revert(byte[] data);

    /// <summary>Fails with the given code and message.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The error message.</param>
    [JsonRpcMethod("test_fail", Description = "Fails with the given code and message.")]
    void Fail(int code, string message);

    /// <summary>Throws an unexpected exception whose message contains <paramref name="secret"/>.</summary>
    /// <param name="secret">Text that must never reach the caller or the logs.</param>
    /// <returns>Never returns.</returns>
    [JsonRpcMethod("test_crash", Description = "Throws an unexpected exception.")]
    string Crash(string secret);

    /// <summary>Completes asynchronously after a delay.</summary>
    /// <param name="milliseconds">The delay.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay.</returns>
    [JsonRpcMethod("test_delay", Description = "Returns after a delay.")]
    Task<ulong> DelayAsync(ulong milliseconds, CancellationToken cancellationToken);

    /// <summary>Counts calls; used to check that notifications run without being answered.</summary>
    /// <param name="message">Ignored.</param>
    [JsonRpcMethod("test_notify", Description = "Counts a call.")]
    void Notify(string message);
}
