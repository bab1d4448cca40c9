namespace Nectar.Cli.Login;

/// <summary>A JSON-RPC call the CLI made failed; the message names the method and the node's answer.</summary>
public sealed class JsonRpcCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcCallException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public JsonRpcCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public JsonRpcCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
