using Microsoft.Extensions.DependencyInjection;
using Nectar.Crypto;
using Nectar.Privacy.Sessions;
using Nectar.Privacy.Tests.Sessions.Support;
using Nectar.Tests;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class SessionOptionsTests
{
    [Fact]
    public void Defaults_are_fifteen_minutes_idle_and_eight_hours_absolute()
    {
        var options = new SessionOptions();

        Assert.Equal(TimeSpan.FromMinutes(15), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(8), options.AbsoluteTimeout);
        Assert.Equal(["https"], options.AllowedSchemes);
        Assert.True(options.RecheckAdmissionOnUse);
    }

    [Fact]
    public void Valid_options_have_no_problems()
    {
        Assert.Empty(Valid().Validate());
    }

    public static TheoryData<string, Action<SessionOptions>> Invalid => new()
    {
        { "Domain", o => o.Domain = string.Empty },
        { "Domain", o => o.Domain = "not a domain" },
        { "ChainId", o => o.ChainId = 0 },
        { "AllowedSchemes", o => o.AllowedSchemes.Clear() },
        { "AllowedSchemes", o => o.AllowedSchemes.Add("1bad") },
        { "AdditionalUriHosts", o => o.AdditionalUriHosts.Add("host:80") },
        { "AdditionalUriHosts", o => o.AdditionalUriHosts.Add("user@host") },
        { "IdleTimeout", o => o.IdleTimeout = TimeSpan.Zero },
        { "IdleTimeout must not exceed", o => o.IdleTimeout = TimeSpan.FromHours(9) },
        { "AbsoluteTimeout", o => o.AbsoluteTimeout = TimeSpan.FromSeconds(-1) },
        { "NonceLifetime", o => o.NonceLifetime = TimeSpan.Zero },
        { "MaxMessageAge", o => o.MaxMessageAge = TimeSpan.Zero },
        { "MaxClockSkew", o => o.MaxClockSkew = TimeSpan.FromHours(1) },
        { "SweepInterval", o => o.SweepInterval = TimeSpan.FromSeconds(-1) },
        { "MaxOutstandingNonces", o => o.MaxOutstandingNonces = 0 },
        { "MaxMessageLength", o => o.MaxMessageLength = 100 },
        { "MaxSessionsPerAccount", o => o.MaxSessionsPerAccount = 0 },
        { "MaxSessions", o => o.MaxSessions = 5 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_is_named_and_refused_by_the_service(string name, Action<SessionOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        Assert.Contains(options.Validate(), p => p.StartsWith(name, StringComparison.Ordinal));
        var exception = Assert.Throws<ArgumentException>(() => new SessionService(options, Secp.Instance, new FakeAdmission()));
        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_changes_to_the_options_do_not_reach_the_service()
    {
        var options = Valid();
        using var service = new SessionService(options, Secp.Instance, new FakeAdmission());

        options.Domain = "other.example";
        options.ChainId = 99;

        Assert.Equal("node.example", service.Domain);
        Assert.Equal(42UL, service.ChainId);
    }

    [Fact]
    public void Registration_builds_the_service_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecp256k1>(Secp.Instance);
        services.AddSingleton<IAccountAdmission>(new FakeAdmission());
        services.AddSingleton<TimeProvider>(new ManualTimeProvider(SessionHarness.Start));
        services.AddNectarSessions(o => (o.Domain, o.ChainId) = ("node.example", 42));
        using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredService<SessionService>();

        Assert.Same(service, provider.GetRequiredService<SessionService>());
        Assert.Equal("node.example", service.Domain);
        Assert.Equal(SessionHarness.Start, service.IssueNonce().IssuedAt);
    }

    [Fact]
    public void Registration_refuses_invalid_options_at_once()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddNectarSessions(o => o.Domain = "node.example"));
    }

    private static SessionOptions Valid() => new() { Domain = "node.example", ChainId = 42, SweepInterval = TimeSpan.Zero };
}
