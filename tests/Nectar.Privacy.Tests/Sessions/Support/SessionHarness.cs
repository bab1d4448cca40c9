using Nectar.Privacy.Sessions;
using Nectar.Tests;

namespace Nectar.Privacy.Tests.Sessions.Support;

/// <summary>
/// A session service wired to a manual clock, an in-memory registry (Alice and Bob admitted, Carol not), an audit
/// recorder and a capturing logger; plus helpers that build and sign messages the way a wallet does.
/// </summary>
public sealed class SessionHarness : IDisposable
{
    public const string Domain = "node.nectar.test";
    public const ulong ChainId = 7357;
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public SessionHarness(Action<SessionOptions>? configure = null, TokenHashComparerProbe? probe = null)
    {
        Options = new SessionOptions { Domain = Domain, ChainId = ChainId, SweepInterval = TimeSpan.Zero };
        configure?.Invoke(Options);
        Admission.Admit(TestAccount.Alice.Address, "clinician");
        Admission.Admit(TestAccount.Bob.Address, "dsp", "auditor");
        Service = probe is null
            ? new SessionService(Options, Secp.Instance, Admission, Audit, Clock, Logger)
            : new SessionService(Options, Secp.Instance, Admission, Audit, Clock, Logger, probe.Compare);
        Service.SessionEnded += (_, e) => Ended.Add(e);
    }

    public SessionOptions Options { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public FakeAdmission Admission { get; } = new();

    public RecordingAuditSink Audit { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public List<SessionEndedEventArgs> Ended { get; } = [];

    public SessionService Service { get; }

    /// <summary>A message as a wallet would build it for this node, with a fresh nonce unless one is given.</summary>
    public SiweMessage Message(
        TestAccount account,
        string? nonce = null,
        string domain = Domain,
        ulong chainId = ChainId,
        string uri = "https://" + Domain + "/rpc",
        string? scheme = null,
        DateTimeOffset? issuedAt = null,
        DateTimeOffset? expirationTime = null,
        DateTimeOffset? notBefore = null) =>
        new(
            domain,
            account.Address,
            uri,
            chainId,
            nonce ?? Service.IssueNonce().Value,
            SiweTimestamp.FromDateTimeOffset(issuedAt ?? Clock.GetUtcNow()),
            scheme: scheme,
            statement: "Sign in to the Nectar node.",
            expirationTime: expirationTime is { } e ? SiweTimestamp.FromDateTimeOffset(e) : null,
            notBefore: notBefore is { } n ? SiweTimestamp.FromDateTimeOffset(n) : null);

    public LoginResult SignIn(TestAccount account, SiweMessage? message = null)
    {
        var text = (message ?? Message(account)).ToString();
        return Service.Login(text, account.SignHex(text));
    }

    public SessionGrant SignedIn(TestAccount account)
    {
        var result = SignIn(account);
        Assert.True(result.Succeeded, result.ToString());
        return result.Grant;
    }

    public void Dispose() => Service.Dispose();
}

/// <summary>Wraps the real constant-time comparison and counts how often the service goes through it.</summary>
public sealed class TokenHashComparerProbe
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public int Matches { get; private set; }

    internal bool Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Interlocked.Increment(ref _calls);
        var equal = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(left, right);
        if (equal)
        {
            Matches++;
        }

        return equal;
    }
}
