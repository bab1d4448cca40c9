using Nectar.Chain.Admission;
using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Compliance.Registry;

/// <summary>
/// Transaction admission by the account registry: a sender may transact while it is admitted (an active member of
/// an active organization) and holds the <see cref="AccountRoles.User"/> role.
/// </summary>
/// <remarks>
/// <para>
/// Refusals say as little as they can: an account that is unknown, revoked or in a suspended organization gets the
/// one reason <see cref="NotAdmittedReason"/>, so whoever holds a signed transaction learns nothing about the
/// signer's record or organization; an admitted account without the user role (an auditor-only account, say) gets
/// <see cref="NoUserRoleReason"/>. The precise standing is <see cref="AccountRegistryReader.GetStanding"/>, for logs
/// and audit, not for the sender.
/// </para>
/// <para>Thread-safe; each check is two storage lookups at the head.</para>
/// </remarks>
public sealed class RegistryTransactionAdmission : ITransactionAdmission
{
    /// <summary>The reason given to an account that is not admitted, whatever the cause.</summary>
    public const string NotAdmittedReason = "account not admitted";

    /// <summary>The reason given to an admitted account without the user role.</summary>
    public const string NoUserRoleReason = "account lacks the user role";

    private readonly AccountRegistryReader _registry;

    /// <summary>Creates the admission over a registry reader.</summary>
    /// <param name="registry">The reader of the head's registry.</param>
    public RegistryTransactionAdmission(AccountRegistryReader registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <inheritdoc />
    public AdmissionDecision Check(Address sender, Transaction transaction)
    {
        var standing = _registry.GetStanding(sender);
        if (!standing.IsAdmitted)
        {
            return AdmissionDecision.Refused(NotAdmittedReason);
        }

        return standing.HasRoles(AccountRoles.User) ? AdmissionDecision.Allowed : AdmissionDecision.Refused(NoUserRoleReason);
    }

    /// <inheritdoc />
    /// <remarks>Decisions read the registry contract's storage only.</remarks>
    public bool DependsOn(Address account) => account == _registry.Registry;
}
