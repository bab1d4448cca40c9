namespace Nectar.JsonRpc.Login;

/// <summary>What <c>nectar_getLoginNonce</c> tells clients to put in their sign-in message, beside the session service's domain and chain id.</summary>
public sealed class LoginOptions
{
    /// <summary>The defaults: <c>https://</c> and the domain as the URI, and a one-line statement.</summary>
    public static LoginOptions Default { get; } = new();

    /// <summary>The URI the message names (the node's RPC address); <c>https://{domain}</c> when <see langword="null"/>.</summary>
    public string? Uri { get; init; }

    /// <summary>The statement line of the message; <see langword="null"/> for none.</summary>
    public string? Statement { get; init; } = "Sign in to the Nectar node.";
}
