using Nectar.Compliance.Registry;
using Nectar.Core.Primitives;
using Nectar.Privacy.Access;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Adapters;

/// <summary>
/// The session layer's <see cref="IAccountAdmission"/> over the on-chain account registry at the head: an account may
/// sign in and keep its sessions while the registry admits it, with the roles the registry gives it. Every call reads
/// the head's state, so a change made by a block applies to the next request.
/// </summary>
/// <param name="registry">The registry reader over the head state.</param>
public sealed class RegistryAccountAdmission(AccountRegistryReader registry) : IAccountAdmission
{
    /// <inheritdoc />
    public AccountAdmission GetAdmission(Address account) =>
        registry.TryGetAdmittedRoles(account, out var roles) ? AccountAdmission.Admitted(RoleNames.From(roles)) : AccountAdmission.NotAdmitted;
}
