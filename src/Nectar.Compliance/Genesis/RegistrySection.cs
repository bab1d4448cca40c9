using System.Text;
using System.Text.Json;
using Nectar.Chain.Genesis;
using Nectar.Contracts.Registry;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Compliance.Genesis;

/// <summary>
/// The <c>registry</c> section of a Nectar chain spec: the organizations and members the account registry starts
/// with. It is read with the chain spec's own reader, so its problems carry JSON paths like every other section's,
/// and turned into the registry contract's genesis storage by <see cref="AccountRegistryGenesis"/>.
/// </summary>
/// <remarks>
/// <code>
/// "registry": {
///   "organizations": [ { "name": "Nectar Devnet", "active": true } ],           // ids 1, 2, … in this order
///   "members": [
///     { "account": "0xf39F…2266", "organization": 1,                            // an id, or a unique name
///       "roles": ["user", "org-admin", "governor", "node-operator"], "active": true }
///   ]
/// }
/// </code>
/// Role names: user, org-admin, auditor, node-operator, authorizer, governor (the names sessions carry). Records are
/// created and admitted at the genesis timestamp.
/// </remarks>
public static class RegistrySection
{
    /// <summary>The section's name in the chain spec.</summary>
    public const string Name = "registry";

    private const string Path = "$.registry";

    private static readonly Dictionary<string, AccountRoles> RoleNames = new(StringComparer.Ordinal)
    {
        ["user"] = AccountRoles.User,
        ["org-admin"] = AccountRoles.OrganizationAdmin,
        ["auditor"] = AccountRoles.Auditor,
        ["node-operator"] = AccountRoles.NodeOperator,
        ["authorizer"] = AccountRoles.Authorizer,
        ["governor"] = AccountRoles.Governor,
    };

    /// <summary>The role names the section accepts, by role.</summary>
    public static IReadOnlyDictionary<string, AccountRoles> Roles => RoleNames;

    /// <summary>Reads the section and checks it against the contract's rules.</summary>
    /// <param name="section">The section's JSON.</param>
    /// <param name="genesisTimestamp">The genesis timestamp, recorded as every organization's creation and every member's admission time.</param>
    /// <param name="reader">Collects the problems.</param>
    /// <returns>The organizations and members (meaningful only when no problem was recorded).</returns>
    public static (IReadOnlyList<RegistryOrganization> Organizations, IReadOnlyList<RegistryMember> Members) Read(JsonElement section, ulong genesisTimestamp, ChainSpecReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var organizations = new List<RegistryOrganization>();
        var members = new List<RegistryMember>();
        if (!reader.ReadObject(section, Path, "organizations", "members"))
        {
            return (organizations, members);
        }

        ReadOrganizations(section, genesisTimestamp, reader, organizations);
        ReadMembers(section, genesisTimestamp, reader, organizations, members);
        return (organizations, members);
    }

    /// <summary>The registry contract's genesis account for a valid section: its code and the storage holding the records.</summary>
    /// <param name="organizations">The organizations.</param>
    /// <param name="members">The members.</param>
    /// <returns>The account (nonce 1, as a deployed contract).</returns>
    public static GenesisAccount CreateAccount(IReadOnlyList<RegistryOrganization> organizations, IReadOnlyList<RegistryMember> members)
    {
        var storage = new Dictionary<UInt256, UInt256>();
        foreach (var entry in AccountRegistryGenesis.ComputeStorage(organizations, members))
        {
            storage.Add(entry.Slot, entry.Value);
        }

        return new GenesisAccount { Nonce = 1, Code = AccountRegistryGenesis.Code, Storage = storage };
    }

    private static void ReadOrganizations(JsonElement section, ulong timestamp, ChainSpecReader reader, List<RegistryOrganization> organizations)
    {
        const string path = Path + ".organizations";
        if (!section.TryGetProperty("organizations", out var value))
        {
            reader.Report(path, "is required: at least one organization, the one the first governor belongs to.");
            return;
        }

        if (reader.ReadArray(value, path) is not { } items)
        {
            return;
        }

        if (items.Count == 0)
        {
            reader.Report(path, "must list at least one organization.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ChainSpecPath.Element(path, i);
            var name = string.Empty;
            var active = true;
            if (reader.ReadObject(items[i], itemPath, "name", "active"))
            {
                if (!items[i].TryGetProperty("name", out var nameValue))
                {
                    reader.Report(itemPath + ".name", "is required.");
                }
                else if (reader.ReadString(nameValue, itemPath + ".name") is { } text)
                {
                    var length = Encoding.UTF8.GetByteCount(text);
                    if (length > AccountRegistryGenesis.MaxNameLength)
                    {
                        reader.Report(itemPath + ".name", $"must be at most {AccountRegistryGenesis.MaxNameLength} UTF-8 bytes, found {length}.");
                    }

                    name = text;
                }

                if (items[i].TryGetProperty("active", out var activeValue) && reader.ReadBoolean(activeValue, itemPath + ".active") is { } flag)
                {
                    active = flag;
                }
            }

            // Added even when invalid, so members' references keep their positions and are checked too.
            organizations.Add(new RegistryOrganization((ulong)i + 1, name, active, timestamp));
        }
    }

    private static void ReadMembers(JsonElement section, ulong timestamp, ChainSpecReader reader, List<RegistryOrganization> organizations, List<RegistryMember> members)
    {
        const string path = Path + ".members";
        if (!section.TryGetProperty("members", out var value))
        {
            reader.Report(path, "is required: at least one governor, or the registry could never change.");
            return;
        }

        if (reader.ReadArray(value, path) is not { } items)
        {
            return;
        }

        var seen = new HashSet<Address>();
        var governors = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ChainSpecPath.Element(path, i);
            if (!reader.ReadObject(items[i], itemPath, "account", "organization", "roles", "active"))
            {
                continue;
            }

            var account = ReadAccount(items[i], itemPath, reader, seen);
            var organization = ReadOrganizationReference(items[i], itemPath, reader, organizations);
            var roles = ReadRoles(items[i], itemPath, reader);
            var active = !items[i].TryGetProperty("active", out var activeValue) || reader.ReadBoolean(activeValue, itemPath + ".active") != false;
            if (account is null || organization is null || roles is null)
            {
                continue;
            }

            var member = new RegistryMember(account.Value, organization.Id, roles.Value, active, timestamp);
            members.Add(member);
            if ((roles.Value & AccountRoles.Governor) != 0 && member.IsAdmitted(organization.Active))
            {
                governors++;
            }
        }

        if (governors == 0)
        {
            // The registry admits, changes and revokes only through a governor; without one it is frozen for good.
            reader.Report(path, "must include an admitted governor (an active member with the governor role in an active organization).");
        }
    }

    private static Address? ReadAccount(JsonElement member, string path, ChainSpecReader reader, HashSet<Address> seen)
    {
        if (!member.TryGetProperty("account", out var value))
        {
            reader.Report(path + ".account", "is required.");
            return null;
        }

        if (reader.ReadAddress(value, path + ".account") is not { } account)
        {
            return null;
        }

        if (account.IsZero)
        {
            reader.Report(path + ".account", "must not be the zero address.");
            return null;
        }

        if (!seen.Add(account))
        {
            reader.Report(path + ".account", $"lists {account} a second time; an account belongs to one organization.");
            return null;
        }

        return account;
    }

    private static RegistryOrganization? ReadOrganizationReference(JsonElement member, string path, ChainSpecReader reader, List<RegistryOrganization> organizations)
    {
        path += ".organization";
        if (!member.TryGetProperty("organization", out var value))
        {
            reader.Report(path, "is required: an organization id or name.");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var name = value.GetString()!;
            var matches = organizations.FindAll(o => string.Equals(o.Name, name, StringComparison.Ordinal));
            if (matches.Count == 1)
            {
                return matches[0];
            }

            reader.Report(path, matches.Count == 0
                ? $"names no organization (\"{name}\")."
                : $"names {matches.Count} organizations (\"{name}\"); refer to one by its id.");
            return null;
        }

        if (reader.ReadUInt64(value, path) is not { } id)
        {
            return null;
        }

        if (id == 0 || id > (ulong)organizations.Count)
        {
            reader.Report(path, $"must be an organization id from 1 to {organizations.Count}, found {id}.");
            return null;
        }

        return organizations[(int)id - 1];
    }

    private static AccountRoles? ReadRoles(JsonElement member, string path, ChainSpecReader reader)
    {
        path += ".roles";
        if (!member.TryGetProperty("roles", out var value))
        {
            reader.Report(path, "is required.");
            return null;
        }

        if (reader.ReadArray(value, path) is not { } items)
        {
            return null;
        }

        var roles = AccountRoles.None;
        var valid = true;
        for (var i = 0; i < items.Count; i++)
        {
            var rolePath = ChainSpecPath.Element(path, i);
            if (reader.ReadString(items[i], rolePath) is not { } name)
            {
                valid = false;
            }
            else if (!RoleNames.TryGetValue(name, out var role))
            {
                reader.Report(rolePath, $"\"{name}\" is not a role; use {string.Join(", ", RoleNames.Keys)}.");
                valid = false;
            }
            else if ((roles & role) != 0)
            {
                reader.Report(rolePath, $"lists \"{name}\" twice.");
                valid = false;
            }
            else
            {
                roles |= role;
            }
        }

        if (!valid)
        {
            return null;
        }

        if (roles == AccountRoles.None)
        {
            reader.Report(path, "must list at least one role.");
            return null;
        }

        if (!AccountRegistryGenesis.IsValidRoleSet(roles))
        {
            reader.Report(path, "must not hold auditor and authorizer together (an auditor never audits a DSP it authorized).");
            return null;
        }

        return roles;
    }
}
