using System.Reflection;
using System.Security.Cryptography;
using Nectar.Privacy.Sessions;
using Nectar.Privacy.Tests.Sessions.Support;

namespace Nectar.Privacy.Tests.Sessions;

/// <summary>The token and the signature never leave the service except as the token handed to its owner.</summary>
public sealed class SessionSecrecyTests
{
    [Fact]
    public void Token_and_signature_appear_in_no_event_log_exception_or_text_of_a_whole_session_life()
    {
        using var node = new SessionHarness(o => (o.MaxSessionsPerAccount, o.SweepInterval) = (1, TimeSpan.FromSeconds(10)));
        var secrets = new List<string>();
        var texts = new List<string>();
        node.Service.SessionEnded += (_, e) =>
        {
            texts.Add($"{e.SessionId} {e.Account} {e.Reason} {e.EndedAt}");
            throw new InvalidOperationException("subscriber failure " + e.SessionId);
        };

        // Success, failure, eviction, revocation, account revocation, expiry, trusted issue.
        var message = node.Message(TestAccount.Alice).ToString();
        var signature = TestAccount.Alice.SignHex(message);
        secrets.Add(signature[2..]);
        var first = node.Service.Login(message, signature);
        texts.Add(first.ToString());
        texts.Add(first.Grant!.ToString());
        texts.Add(first.Grant.Session.ToString());
        texts.Add(first.Grant.Token.ToString());
        secrets.Add(first.Grant.Token.Reveal());

        var replay = node.Service.Login(message, signature);
        texts.Add(replay.ToString());
        texts.Add(replay.Message);

        var second = node.SignedIn(TestAccount.Alice);
        secrets.Add(second.Token.Reveal());
        var third = node.Service.IssueFor(TestAccount.Bob.Address);
        secrets.Add(third.Token.Reveal());
        texts.Add(node.Service.Authenticate(second.Token.Reveal()).Session!.ToString());
        texts.Add(node.Service.Authenticate(first.Grant.Token.Reveal()).Failure.ToString());
        node.Service.Revoke(second.Token.Reveal());
        var fourth = node.Service.IssueFor(TestAccount.Alice.Address);
        secrets.Add(fourth.Token.Reveal());
        node.Service.RevokeAccount(TestAccount.Alice.Address);
        node.Admission.Unavailable = true;
        node.Service.Authenticate(third.Token.Reveal());
        node.Admission.Unavailable = false;
        node.Clock.Advance(TimeSpan.FromHours(9));
        node.Service.Authenticate(third.Token.Reveal());

        // Exceptions raised on the token-handling paths.
        var exceptions = new List<Exception>
        {
            Record.Exception(() => node.Service.Authenticate(null!))!,
            Record.Exception(() => node.Service.Revoke((string)null!))!,
            Record.Exception(() => SiweMessage.Parse(first.Grant.Token.Reveal()))!,
        };
        node.Audit.FailWhen = _ => true;
        exceptions.Add(Record.Exception(() => node.SignIn(TestAccount.Alice))!);

        texts.AddRange(node.Audit.Events.Select(e => e.ToString()));
        texts.AddRange(node.Logger.Lines);
        texts.AddRange(exceptions.Select(e => e.ToString()));

        Assert.NotEmpty(node.Audit.Events);
        Assert.NotEmpty(node.Logger.Lines);
        Assert.All(exceptions, Assert.NotNull);
        foreach (var secret in secrets)
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }

        // The redacted form is what reaches text.
        Assert.Contains(texts, t => t.Contains("nectar_[redacted]", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_events_have_no_member_that_could_hold_a_token_or_signature()
    {
        var members = typeof(SessionAuditEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.PropertyType)
            .ToList();

        Assert.DoesNotContain(typeof(string), members);
        Assert.DoesNotContain(typeof(byte[]), members);
        Assert.DoesNotContain(typeof(SessionToken), members);
    }

    [Fact]
    public void Token_lookups_compare_hashes_through_the_constant_time_path()
    {
        var probe = new TokenHashComparerProbe();
        using var node = new SessionHarness(probe: probe);
        var grant = node.SignedIn(TestAccount.Alice);
        var callsBefore = probe.Calls;

        Assert.True(node.Service.Authenticate(grant.Token.Reveal()).Succeeded);
        Assert.True(probe.Calls > callsBefore);
        Assert.True(probe.Matches >= 1);

        node.Service.Revoke(grant.Token.Reveal());
        var callsAfterRevoke = probe.Calls;
        Assert.Equal(AuthenticationFailure.Revoked, node.Service.Authenticate(grant.Token.Reveal()).Failure);
        Assert.True(probe.Calls > callsAfterRevoke);
    }

    [Fact]
    public void The_service_compares_token_hashes_with_the_platform_fixed_time_comparison()
    {
        using var node = new SessionHarness();
        var fixedTime = typeof(CryptographicOperations).GetMethod(
            nameof(CryptographicOperations.FixedTimeEquals), [typeof(ReadOnlySpan<byte>), typeof(ReadOnlySpan<byte>)]);

        Assert.NotNull(fixedTime);
        Assert.Equal(fixedTime, node.Service.HashComparer.Method);
    }

    [Fact]
    public void Stored_sessions_keep_a_hash_of_the_token_never_the_token()
    {
        using var node = new SessionHarness();
        var grant = node.SignedIn(TestAccount.Alice);
        var token = grant.Token.Reveal();

        var table = typeof(SessionService).GetField("_sessions", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(node.Service)!;
        var stored = Flatten(table, depth: 0).ToList();

        Assert.DoesNotContain(stored, s => s.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => s.Contains(token[7..], StringComparison.Ordinal));
        Assert.Contains(stored, s => s == Convert.ToHexString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))));
    }

    /// <summary>Every string and byte array reachable from an object, as text, a few levels deep.</summary>
    private static IEnumerable<string> Flatten(object? value, int depth)
    {
        if (value is null || depth > 6)
        {
            yield break;
        }

        switch (value)
        {
            case string text:
                yield return text;
                yield break;
            case byte[] bytes:
                yield return Convert.ToHexString(bytes);
                yield break;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var inner in Flatten(item, depth + 1))
                    {
                        yield return inner;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateTimeOffset or TimeSpan or Delegate)
        {
            yield break;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            foreach (var inner in Flatten(type.GetProperty("Key")!.GetValue(value), depth + 1))
            {
                yield return inner;
            }

            foreach (var inner in Flatten(type.GetProperty("Value")!.GetValue(value), depth + 1))
            {
                yield return inner;
            }

            yield break;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType == typeof(LinkedListNode<SessionEntry>))
            {
                continue;
            }

            foreach (var inner in Flatten(field.GetValue(value), depth + 1))
            {
                yield return inner;
            }
        }
    }
}
