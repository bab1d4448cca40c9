namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>A JSON-RPC call answered with an error object, or with an HTTP status other than 200.</summary>
internal sealed class JsonRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The method called.</param>
    /// <param name="code">The JSON-RPC error code, or the HTTP status for a refused request.</param>
    /// <param name="message">The node's message.</param>
    public JsonRpcException(string method, long code, string message)
        : base($"{method} failed ({code}): {message}")
    {
        Method = method;
        Code = code;
        NodeMessage = message;
    }

    /// <summary>The method called.</summary>
    public string Method { get; }

    /// <summary>The error code.</summary>
    public long Code { get; }

    /// <summary>The node's own message, without the method and code.</summary>
    public string NodeMessage { get; }
}
