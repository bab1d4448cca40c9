using Nectar.Chain.Admission;
using Nectar.Compliance.Genesis;
using Nectar.Compliance.Registry;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Compliance.Tests.Registry;

public sealed class RegistryTransactionAdmissionTests
{
    private static readonly Address Governor = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address User = Address.Parse("0x00000000000000000000000000000000000000a2");
    private static readonly Address Revoked = Address.Parse("0x00000000000000000000000000000000000000a3");
    private static readonly Address Suspended = Address.Parse("0x00000000000000000000000000000000000000a4");
    private static readonly Address AuditorOnly = Address.Parse("0x00000000000000000000000000000000000000a5");
    private static readonly Address Stranger = Address.Parse("0x00000000000000000000000000000000000000ff");
    private static readonly Transaction AnyTransaction = new() { Type = TransactionType.DynamicFee, ChainId = 9, GasLimit = 21_000, To = Stranger };

    private static readonly DevnetChain Chain = new(NectarChainSpecLoader.Parse($$"""
        {
          "name": "admission", "chainId": 9, "forks": { "genesis": "prague" },
          "registry": {
            "organizations": [ { "name": "Network" }, { "name": "Closed Lab", "active": false } ],
            "members": [
              { "account": "{{Governor}}", "organization": 1, "roles": ["user", "governor"] },
              { "account": "{{User}}", "organization": 1, "roles": ["user"] },
              { "account": "{{Revoked}}", "organization": 1, "roles": ["user"], "active": false },
              { "account": "{{Suspended}}", "organization": 2, "roles": ["user"] },
              { "account": "{{AuditorOnly}}", "organization": 1, "roles": ["auditor"] }
            ]
          }
        }
        """));

    [Theory]
    [InlineData("0x00000000000000000000000000000000000000a1")]
    [InlineData("0x00000000000000000000000000000000000000a2")]
    public void Allows_admitted_users(string sender)
    {
        Assert.Equal(AdmissionDecision.Allowed, Chain.Admission.Check(Address.Parse(sender), AnyTransaction));
    }

    [Theory]
    [InlineData("0x00000000000000000000000000000000000000ff")]
    [InlineData("0x00000000000000000000000000000000000000a3")]
    [InlineData("0x00000000000000000000000000000000000000a4")]
    public void Refuses_unknown_revoked_and_suspended_accounts_with_one_reason(string sender)
    {
        var decision = Chain.Admission.Check(Address.Parse(sender), AnyTransaction);

        // One reason for the three causes: a holder of the signed transaction learns nothing about the signer's record.
        Assert.False(decision.IsAllowed);
        Assert.Equal(RegistryTransactionAdmission.NotAdmittedReason, decision.Reason);
    }

    [Fact]
    public void Refuses_admitted_members_without_the_user_role()
    {
        var decision = Chain.Admission.Check(AuditorOnly, AnyTransaction);

        Assert.False(decision.IsAllowed);
        Assert.Equal(RegistryTransactionAdmission.NoUserRoleReason, decision.Reason);
    }

    [Fact]
    public void Reasons_are_a_few_lowercase_words_naming_no_account()
    {
        foreach (var reason in new[] { RegistryTransactionAdmission.NotAdmittedReason, RegistryTransactionAdmission.NoUserRoleReason })
        {
            Assert.Equal(reason.ToLowerInvariant(), reason);
            Assert.DoesNotContain("0x", reason, StringComparison.Ordinal);
            Assert.InRange(reason.Split(' ').Length, 2, 6);
        }
    }
}
