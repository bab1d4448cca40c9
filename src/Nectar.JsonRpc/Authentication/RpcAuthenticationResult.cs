namespace Nectar.JsonRpc.Authentication;

/// <summary>The outcome of checking a bearer token: a principal, or the reason there is none.</summary>
public readonly struct RpcAuthenticationResult
{
    private RpcAuthenticationResult(RpcPrincipal? principal, RpcAuthFailure failure)
    {
        Principal = principal;
        Failure = failure;
    }

    /// <summary>The authenticated caller, or <see langword="null"/> on failure.</summary>
    public RpcPrincipal? Principal { get; }

    /// <summary>Why authentication failed; <see cref="RpcAuthFailure.None"/> on success.</summary>
    public RpcAuthFailure Failure { get; }

    /// <summary>Whether a principal was established.</summary>
    public bool Succeeded => Principal is not null;

    /// <summary>A successful result.</summary>
    /// <param name="principal">The authenticated caller.</param>
    /// <returns>The result.</returns>
    public static RpcAuthenticationResult Success(RpcPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new(principal, RpcAuthFailure.None);
    }

    /// <summary>A failed result.</summary>
    /// <param name="failure">Why; must not be <see cref="RpcAuthFailure.None"/>.</param>
    /// <returns>The result.</returns>
    public static RpcAuthenticationResult Fail(RpcAuthFailure failure)
    {
        if (failure == RpcAuthFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), "A failure needs a reason.");
        }

        return new(null, failure);
    }
}
