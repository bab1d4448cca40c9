using System.Diagnostics.CodeAnalysis;

namespace Nectar.Privacy.Sessions;

/// <summary>The outcome of <see cref="SessionService.Authenticate"/>: the session, or why there is none.</summary>
public readonly struct AuthenticationResult
{
    private AuthenticationResult(SessionInfo? session, AuthenticationFailure failure)
    {
        Session = session;
        Failure = failure;
    }

    /// <summary>The authenticated session, its idle deadline already moved forward; <see langword="null"/> on failure.</summary>
    public SessionInfo? Session { get; }

    /// <summary>Why the token was refused; <see cref="AuthenticationFailure.None"/> on success.</summary>
    public AuthenticationFailure Failure { get; }

    /// <summary>Whether the token was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Session))]
    public bool Succeeded => Session is not null;

    internal static AuthenticationResult Success(SessionInfo session) => new(session, AuthenticationFailure.None);

    internal static AuthenticationResult Fail(AuthenticationFailure failure) => new(null, failure);
}
