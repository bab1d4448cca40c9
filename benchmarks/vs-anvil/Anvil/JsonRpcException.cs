namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>A JSON-RPC call answered with an error object.</summary>
internal sealed class JsonRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The method called.</param>
    /// <param name="code">The error code.</param>
    /// <param name="message">The node's message.</param>
    public JsonRpcException(string method, long code, string message)
        : base($"{method} failed ({code}): {message}")
    {
        Method = method;
        Code = code;
    }

    /// <summary>The method called.</summary>
    public string Method { get; }

    /// <summary>The error code.</summary>
    public long Code { get; }
}
