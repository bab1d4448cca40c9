namespace Nectar.JsonRpc;

/// <summary>
/// Marks a method of an RPC module interface as a JSON-RPC method with its wire name, e.g.
/// <c>[JsonRpcMethod("eth_chainId", Description = "...", IsPublic = true)]</c>.
/// </summary>
/// <remarks>
/// Parameters bind positionally (or by name when the request sends an object); a parameter with a default value is
/// optional, and only trailing parameters may be. Parameters of type <see cref="RpcCallContext"/> and
/// <see cref="CancellationToken"/> are supplied by the dispatcher and do not appear on the wire.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class JsonRpcMethodAttribute : Attribute
{
    /// <summary>Declares a JSON-RPC method.</summary>
    /// <param name="name">The wire name, e.g. <c>eth_getBalance</c>.</param>
    public JsonRpcMethodAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The wire name of the method.</summary>
    public string Name { get; }

    /// <summary>One sentence saying what the method does; shown in method listings.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>
    /// Whether the method answers without a bearer token. Default <see langword="false"/>: every method needs an
    /// authenticated caller unless it says otherwise (only chain identity and login methods should be public).
    /// </summary>
    public bool IsPublic { get; init; }
}
