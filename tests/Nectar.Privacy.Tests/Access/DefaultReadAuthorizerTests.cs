using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;
using Nectar.Privacy.Access;

namespace Nectar.Privacy.Tests.Access;

public sealed class DefaultReadAuthorizerTests
{
    private static readonly Address Alice = Account(0xA1);
    private static readonly Address Bob = Account(0xB0);
    private static readonly Address Carol = Account(0xC0);
    private static readonly IReadAuthorizer Rules = DefaultReadAuthorizer.Instance;

    [Fact]
    public void Sender_and_direct_recipient_see_a_transaction()
    {
        Assert.True(Rules.CanSeeTransaction(ReadCaller.User(Alice), Alice, Bob));
        Assert.True(Rules.CanSeeTransaction(ReadCaller.User(Bob), Alice, Bob));
    }

    [Fact]
    public void Outsider_does_not_see_another_accounts_transaction()
    {
        Assert.False(Rules.CanSeeTransaction(ReadCaller.User(Carol), Alice, Bob));
        Assert.False(Rules.CanSeeTransaction(ReadCaller.User(Carol), Alice, null));
    }

    [Fact]
    public void Auditor_sees_every_transaction_and_account()
    {
        var auditor = ReadCaller.From(Carol, [RoleNames.User, RoleNames.Auditor]);
        Assert.True(Rules.CanSeeTransaction(auditor, Alice, Bob));
        Assert.True(Rules.CanSeeAccount(auditor, Alice));
        Assert.True(Rules.CanSeeLog(auditor, Alice, null, Bob));
        Assert.True(Rules.CanReadRawState(auditor));
    }

    [Fact]
    public void Logs_follow_their_transaction()
    {
        Assert.True(Rules.CanSeeLog(ReadCaller.User(Alice), Alice, Bob, Bob));
        Assert.False(Rules.CanSeeLog(ReadCaller.User(Carol), Alice, Bob, Carol));
    }

    [Fact]
    public void Balance_and_nonce_only_for_the_account_itself()
    {
        Assert.True(Rules.CanSeeAccount(ReadCaller.User(Alice), Alice));
        Assert.False(Rules.CanSeeAccount(ReadCaller.User(Alice), Bob));
    }

    [Fact]
    public void Raw_state_only_for_auditors_and_node_operators()
    {
        Assert.False(Rules.CanReadRawState(ReadCaller.User(Alice)));
        Assert.False(Rules.CanReadRawState(ReadCaller.From(Alice, [RoleNames.User, RoleNames.OrganizationAdmin, RoleNames.Governor])));
        Assert.True(Rules.CanReadRawState(ReadCaller.From(Alice, [RoleNames.NodeOperator])));
    }

    [Fact]
    public void Calls_run_only_as_the_caller()
    {
        Assert.True(Rules.CanCallAs(ReadCaller.User(Alice), null));
        Assert.True(Rules.CanCallAs(ReadCaller.User(Alice), Alice));
        Assert.False(Rules.CanCallAs(ReadCaller.User(Alice), Bob));
        Assert.False(Rules.CanCallAs(ReadCaller.From(Alice, [RoleNames.Auditor]), Bob));
    }

    [Fact]
    public void Zero_from_counts_as_no_sender_because_cast_call_sends_it()
    {
        Assert.True(Rules.CanCallAs(ReadCaller.User(Alice), Address.Zero));
    }

    [Fact]
    public void Unknown_role_names_grant_nothing()
    {
        var caller = ReadCaller.From(Alice, ["Auditor", "root", "node_operator"]);
        Assert.False(caller.IsAuditor);
        Assert.False(caller.IsOperator);
    }

    [Fact]
    public void Role_names_map_every_registry_bit()
    {
        Assert.Equal(
            [RoleNames.User, RoleNames.OrganizationAdmin, RoleNames.Auditor, RoleNames.NodeOperator, RoleNames.Authorizer, RoleNames.Governor],
            RoleNames.From(AccountRoles.All));
        Assert.Empty(RoleNames.From(AccountRoles.None));
        Assert.True(ReadCaller.From(Alice, RoleNames.From(AccountRoles.Auditor | AccountRoles.User)).IsAuditor);
    }

    private static Address Account(byte last)
    {
        Span<byte> bytes = stackalloc byte[20];
        bytes[19] = last;
        return new Address(bytes);
    }
}
