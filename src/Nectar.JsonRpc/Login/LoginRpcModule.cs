using Nectar.Core.Primitives;
using Nectar.Privacy.Sessions;

namespace Nectar.JsonRpc.Login;

/// <summary>
/// The sign-in methods over <see cref="SessionService"/>. Refusals keep the service's wording: problems with the
/// message are named, everything about the signer is the one answer "Sign-in refused.". Neither the parameters nor
/// the token are ever logged (the dispatcher logs method names and outcomes only). Register
/// <see cref="LoginJsonContext"/> beside it.
/// </summary>
public sealed class LoginRpcModule : ILoginRpcModule
{
    private readonly SessionService _sessions;
    private readonly string _uri;
    private readonly string? _statement;

    /// <summary>Creates the module.</summary>
    /// <param name="sessions">The session service.</param>
    /// <param name="options">The URI and statement to offer; <see cref="LoginOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">The URI or statement cannot appear in a sign-in message.</exception>
    public LoginRpcModule(SessionService sessions, LoginOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        options ??= LoginOptions.Default;
        _sessions = sessions;
        _uri = options.Uri ?? "https://" + sessions.Domain;
        _statement = options.Statement;

        // Fails now, at start-up, if the URI or statement could never be part of a valid message.
        _ = new SiweMessage(sessions.Domain, Address.Zero, _uri, sessions.ChainId, "validation0", SiweTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch), statement: _statement);
    }

    /// <inheritdoc />
    public LoginChallenge GetLoginNonce(Address? address = null)
    {
        var nonce = _sessions.IssueNonce();
        var issuedAt = SiweTimestamp.FromDateTimeOffset(nonce.IssuedAt);
        return new LoginChallenge
        {
            Nonce = nonce.Value,
            Domain = _sessions.Domain,
            Uri = _uri,
            Version = SiweMessage.CurrentVersion,
            ChainId = _sessions.ChainId,
            Statement = _statement,
            IssuedAt = issuedAt.Text,
            ExpiresAt = SiweTimestamp.FromDateTimeOffset(nonce.ExpiresAt).Text,
            Message = address is { } account
                ? new SiweMessage(_sessions.Domain, account, _uri, _sessions.ChainId, nonce.Value, issuedAt, statement: _statement).ToString()
                : null,
        };
    }

    /// <inheritdoc />
    public LoginGrant Login(string message, string signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        var result = _sessions.Login(message, signature);
        if (!result.Succeeded)
        {
            throw Refusal(result);
        }

        return new LoginGrant
        {
            Token = result.Grant.Token.Reveal(),
            Account = result.Grant.Session.Account,
            ExpiresAt = SiweTimestamp.FromDateTimeOffset(result.Grant.Session.ExpiresAt).Text,
        };
    }

    /// <inheritdoc />
    public bool Logout(RpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        return _sessions.Revoke(SessionId.FromString(principal.SessionId));
    }

    /// <summary>
    /// Malformed input is invalid params; every other refusal is unauthorized (-32090), with the service's message,
    /// which never says whether the signature or the account was at fault.
    /// </summary>
    private static RpcException Refusal(LoginResult result) => result.Error switch
    {
        LoginError.MalformedMessage or LoginError.MalformedSignature => new RpcException(RpcErrorCodes.InvalidParams, result.Message),
        _ => new RpcException(RpcErrorCodes.Unauthorized, result.Message),
    };
}
