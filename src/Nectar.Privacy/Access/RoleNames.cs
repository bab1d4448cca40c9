using Nectar.Contracts.Registry;

namespace Nectar.Privacy.Access;

/// <summary>
/// The role names sessions and read authorization use, one per bit of the registry's <see cref="AccountRoles"/>.
/// Names rather than bits travel through sessions so that the session layer stays independent of the registry's
/// encoding.
/// </summary>
public static class RoleNames
{
    /// <summary>May use the network.</summary>
    public const string User = "user";

    /// <summary>Administers the users and operators of its organization.</summary>
    public const string OrganizationAdmin = "org-admin";

    /// <summary>Reviews everything: may read every transaction, receipt, account, log, storage slot and trace.</summary>
    public const string Auditor = "auditor";

    /// <summary>Operates a node: may read raw state (storage, proofs, traces) to run it.</summary>
    public const string NodeOperator = "node-operator";

    /// <summary>A DSP authorizer.</summary>
    public const string Authorizer = "authorizer";

    /// <summary>Registers organizations and grants any role.</summary>
    public const string Governor = "governor";

    /// <summary>The names of the roles set in <paramref name="roles"/>, in bit order.</summary>
    /// <param name="roles">The registry's role bits.</param>
    /// <returns>The names; empty for <see cref="AccountRoles.None"/>.</returns>
    public static IReadOnlyList<string> From(AccountRoles roles)
    {
        var names = new List<string>(6);
        Add(names, roles, AccountRoles.User, User);
        Add(names, roles, AccountRoles.OrganizationAdmin, OrganizationAdmin);
        Add(names, roles, AccountRoles.Auditor, Auditor);
        Add(names, roles, AccountRoles.NodeOperator, NodeOperator);
        Add(names, roles, AccountRoles.Authorizer, Authorizer);
        Add(names, roles, AccountRoles.Governor, Governor);
        return names;
    }

    private static void Add(List<string> names, AccountRoles roles, AccountRoles bit, string name)
    {
        if ((roles & bit) != 0)
        {
            names.Add(name);
        }
    }
}
