using Nectar.Core.Primitives;

namespace Nectar.Privacy.Access;

/// <summary>
/// Who is reading: the authenticated account of the request and the standing that widens what it may see. Every
/// read path builds one from the request's session; there is no anonymous caller, because only the public
/// minimum of methods (chain id, client version, login) runs without a session and none of them reads chain data.
/// </summary>
/// <param name="Account">The session's account.</param>
/// <param name="IsAuditor">Whether the account holds the auditor role: it may read everything.</param>
/// <param name="IsOperator">Whether the account operates a node: it may read raw state and traces.</param>
public readonly record struct ReadCaller(Address Account, bool IsAuditor, bool IsOperator)
{
    /// <summary>A caller with the standing its role names give.</summary>
    /// <param name="account">The session's account.</param>
    /// <param name="roles">Its roles (<see cref="RoleNames"/>); unknown names grant nothing.</param>
    /// <returns>The caller.</returns>
    public static ReadCaller From(Address account, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var auditor = false;
        var operatorRole = false;
        foreach (var role in roles)
        {
            auditor |= string.Equals(role, RoleNames.Auditor, StringComparison.Ordinal);
            operatorRole |= string.Equals(role, RoleNames.NodeOperator, StringComparison.Ordinal);
        }

        return new ReadCaller(account, auditor, operatorRole);
    }

    /// <summary>A caller without any widening role.</summary>
    /// <param name="account">The session's account.</param>
    /// <returns>The caller.</returns>
    public static ReadCaller User(Address account) => new(account, false, false);
}
