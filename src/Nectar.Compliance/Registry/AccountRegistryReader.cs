using System.Text;
using Nectar.Contracts;
using Nectar.Contracts.Registry;
using Nectar.Contracts.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.State;

namespace Nectar.Compliance.Registry;

/// <summary>
/// Reads the account registry (<c>AccountRegistry.sol</c>) straight from state, without running the EVM: member
/// records, organizations and the resulting standing of an account, decided exactly as the contract decides it
/// (admitted = an active member of an active organization).
/// </summary>
/// <remarks>
/// <para>
/// Each lookup reads the state the reader gives at that moment: the node passes its state store (whose flat state is
/// the head's) or a function returning the head's state reader, so a revocation is seen from the block that
/// includes it. Thread-safe when the state reader is (the state store is).
/// </para>
/// <para>
/// Standings are remembered per registry storage root: a lookup reads the registry's account, and while its storage
/// root is the one the remembered standings were read under, they are exactly what the storage says (a root commits
/// to every slot), so only a standing not yet remembered costs the two slot computations and storage reads. Every
/// session check and every pooled transaction asks, and the registry changes rarely. The state reader must be one of
/// committed state, whose accounts carry the roots of their storage (every reader the chain hands out is).
/// </para>
/// </remarks>
public sealed class AccountRegistryReader
{
    /// <summary>Names longer than this are not decoded: the contract caps them at 128 bytes, so longer means damaged state.</summary>
    private const int MaxNameBytes = 1024;

    /// <summary>Standings remembered per registry root stop growing at this many accounts (the rest are read each time).</summary>
    private const int MaxRememberedStandings = 100_000;

    private readonly Func<IStateReader> _state;
    private StandingMemo _memo = new(default);

    /// <summary>Reads the registry from a state reader that always shows the head (the node's state store).</summary>
    /// <param name="headState">The state to read.</param>
    /// <param name="registry">The registry's address; <see cref="SystemContracts.AccountRegistry"/> when omitted.</param>
    public AccountRegistryReader(IStateReader headState, Address? registry = null)
    {
        ArgumentNullException.ThrowIfNull(headState);
        _state = () => headState;
        Registry = registry ?? SystemContracts.AccountRegistry;
    }

    /// <summary>Reads the registry from whatever state reader the function returns at each lookup (the current head's).</summary>
    /// <param name="headState">Returns the state to read.</param>
    /// <param name="registry">The registry's address; <see cref="SystemContracts.AccountRegistry"/> when omitted.</param>
    public AccountRegistryReader(Func<IStateReader> headState, Address? registry = null)
    {
        ArgumentNullException.ThrowIfNull(headState);
        _state = headState;
        Registry = registry ?? SystemContracts.AccountRegistry;
    }

    /// <summary>The registry contract's address.</summary>
    public Address Registry { get; }

    /// <summary>The number of registered organizations; their ids run from 1 to this.</summary>
    public ulong OrganizationCount => (ulong)State().GetStorage(Registry, AccountRegistryStorage.OrganizationCountSlot);

    /// <summary>An account's member record as stored (the contract's <c>memberOf</c>), revoked ones included.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The record, or <see langword="null"/> when the account has none.</returns>
    public RegistryMember? FindMember(Address account) => FindMember(State(), account);

    /// <summary>Whether an organization is active; unknown ids are not.</summary>
    /// <param name="organizationId">The organization id.</param>
    /// <returns><see langword="true"/> for an active organization.</returns>
    public bool IsOrganizationActive(ulong organizationId) => IsOrganizationActive(State(), organizationId);

    /// <summary>An organization's record (the contract's <c>organization(id)</c>).</summary>
    /// <param name="organizationId">The organization id.</param>
    /// <returns>The record, or <see langword="null"/> when no organization has that id.</returns>
    public RegistryOrganization? FindOrganization(ulong organizationId)
    {
        var state = State();
        var count = (ulong)state.GetStorage(Registry, AccountRegistryStorage.OrganizationCountSlot);
        if (organizationId == 0 || organizationId > count)
        {
            return null;
        }

        var header = state.GetStorage(Registry, AccountRegistryStorage.OrganizationSlot(organizationId));
        AccountRegistryStorage.DecodeOrganizationHeader(header, out var active, out var createdAt);
        var name = ReadString(state, AccountRegistryStorage.OrganizationNameSlot(organizationId));
        return new RegistryOrganization(organizationId, name, active, createdAt);
    }

    /// <summary>An account's standing: status, record and roles in force.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The standing.</returns>
    public AccountStanding GetStanding(Address account)
    {
        var state = State();
        if (!state.TryGetAccount(Registry, out var registry) || !registry.HasStorage)
        {
            return new AccountStanding(account, MembershipStatus.NotRegistered, null);
        }

        var memo = Volatile.Read(ref _memo);
        if (memo.Root != registry.StorageRoot)
        {
            // The registry changed (or this is the first lookup): what was remembered is history. A racing lookup
            // that still holds the old memo only adds to that old one.
            memo = new StandingMemo(registry.StorageRoot);
            Volatile.Write(ref _memo, memo);
        }
        else if (memo.Standings.TryGetValue(account, out var remembered))
        {
            return remembered;
        }

        var standing = ReadStanding(state, account);
        if (memo.Standings.Count < MaxRememberedStandings)
        {
            memo.Standings.TryAdd(account, standing);
        }

        return standing;
    }

    /// <summary>Whether an account is admitted (the contract's <c>isAdmitted</c>).</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when admitted.</returns>
    public bool IsAdmitted(Address account) => GetStanding(account).IsAdmitted;

    /// <summary>
    /// The roles of an admitted account, for the session layer: the node's <c>IAccountAdmission</c> is
    /// <c>reader.TryGetAdmittedRoles(a, out var r) ? AccountAdmission.Admitted(RoleNames.From(r)) : AccountAdmission.NotAdmitted</c>.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="roles">The roles in force; <see cref="AccountRoles.None"/> when not admitted.</param>
    /// <returns>Whether the account is admitted.</returns>
    public bool TryGetAdmittedRoles(Address account, out AccountRoles roles)
    {
        var standing = GetStanding(account);
        roles = standing.Roles;
        return standing.IsAdmitted;
    }

    private AccountStanding ReadStanding(IStateReader state, Address account)
    {
        if (FindMember(state, account) is not { } member)
        {
            return new AccountStanding(account, MembershipStatus.NotRegistered, null);
        }

        if (!member.Active || member.Roles == AccountRoles.None)
        {
            // The contract never stores an active record without roles; such a record admits nobody either way.
            return new AccountStanding(account, MembershipStatus.Revoked, member);
        }

        var status = IsOrganizationActive(state, member.OrganizationId) ? MembershipStatus.Admitted : MembershipStatus.OrganizationInactive;
        return new AccountStanding(account, status, member);
    }

    private RegistryMember? FindMember(IStateReader state, Address account)
    {
        var word = state.GetStorage(Registry, AccountRegistryStorage.MemberSlot(account));
        return word.IsZero ? null : AccountRegistryStorage.DecodeMember(account, word);
    }

    private bool IsOrganizationActive(IStateReader state, ulong organizationId)
    {
        if (organizationId == 0)
        {
            return false;
        }

        var header = state.GetStorage(Registry, AccountRegistryStorage.OrganizationSlot(organizationId));
        AccountRegistryStorage.DecodeOrganizationHeader(header, out var active, out _);
        return active;
    }

    private IStateReader State() => _state() ?? throw new InvalidOperationException("The head state is not available.");

    /// <summary>Standings read under one registry storage root.</summary>
    private sealed class StandingMemo(Hash256 root)
    {
        public Hash256 Root { get; } = root;

        public System.Collections.Concurrent.ConcurrentDictionary<Address, AccountStanding> Standings { get; } = new();
    }

    /// <summary>Decodes a Solidity <c>string</c> from storage: short form in one slot, long form from keccak256(slot).</summary>
    private string ReadString(IStateReader state, in UInt256 slot)
    {
        var word = state.GetStorage(Registry, slot);
        var bytes = word.ToBigEndian();
        if ((word.U0 & 1) == 0)
        {
            // Short form: the data left-aligned, length * 2 in the lowest byte.
            var shortLength = Math.Min(bytes[31] / 2, 31);
            return Encoding.UTF8.GetString(bytes, 0, shortLength);
        }

        var length = (word - UInt256.One) / new UInt256(2);
        if (!length.TryGetUInt64(out var longLength) || longLength > MaxNameBytes)
        {
            throw new InvalidOperationException($"The registry's string at slot {slot} claims {length} bytes; the state is damaged.");
        }

        var data = new byte[(int)longLength];
        var dataSlot = StorageSlots.DataSlot(slot);
        for (var offset = 0; offset < data.Length; offset += 32)
        {
            var chunk = state.GetStorage(Registry, dataSlot + new UInt256((ulong)(offset / 32))).ToBigEndian();
            chunk.AsSpan(0, Math.Min(32, data.Length - offset)).CopyTo(data.AsSpan(offset));
        }

        return Encoding.UTF8.GetString(data);
    }
}
