using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Login;

/// <summary>Sign-In with Ethereum over JSON-RPC: obtain a nonce, sign in for a bearer token, sign out.</summary>
public interface ILoginRpcModule
{
    /// <summary>Issues a sign-in nonce with the message fields this node expects.</summary>
    /// <param name="address">The account that will sign; when given, the answer includes the complete message.</param>
    /// <returns>The challenge.</returns>
    [JsonRpcMethod("nectar_getLoginNonce", Description = "Issues a sign-in nonce and the message fields this node expects.", IsPublic = true)]
    LoginChallenge GetLoginNonce(Address? address = null);

    /// <summary>Signs in with an EIP-4361 message and its personal_sign signature.</summary>
    /// <param name="message">The message exactly as signed.</param>
    /// <param name="signature">The 65-byte signature as hex.</param>
    /// <returns>The bearer token, the account and the expiry.</returns>
    [JsonRpcMethod("nectar_login", Description = "Signs in with a signed EIP-4361 message and returns a bearer token.", IsPublic = true)]
    LoginGrant Login(string message, string signature);

    /// <summary>Ends the caller's session; its token stops working at once.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <returns>Whether a live session ended.</returns>
    [JsonRpcMethod("nectar_logout", Description = "Ends the caller's session.")]
    bool Logout(RpcCallContext context);
}
