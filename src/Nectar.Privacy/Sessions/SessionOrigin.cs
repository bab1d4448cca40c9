namespace Nectar.Privacy.Sessions;

/// <summary>How a session started.</summary>
public enum SessionOrigin
{
    /// <summary>A verified Sign-In with Ethereum message.</summary>
    SignIn = 0,

    /// <summary>The trusted path for development networks (<see cref="SessionService.IssueFor"/>).</summary>
    TrustedIssue = 1,
}
