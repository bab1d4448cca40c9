using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Registry;

/// <summary>A registry exercising every storage shape: short and long names, inactive organizations, revoked members.</summary>
internal static class SampleRegistry
{
    public const ulong GenesisTime = 1_700_000_000;

    public static readonly Address Governor = Account(0x601);
    public static readonly Address HospitalAdmin = Account(0xad1);
    public static readonly Address Nurse = Account(0x5e1);
    public static readonly Address NodeOperator = Account(0x0de);
    public static readonly Address Auditor = Account(0xa0d);
    public static readonly Address Revoked = Account(0xdead);
    public static readonly Address DormantUser = Account(0xd0e);
    public static readonly Address ResearchAdmin = Account(0xbe1);
    public static readonly Address Stranger = Account(0x5757);

    /// <summary>Not in the registry at genesis; funded, so it can send once admitted.</summary>
    public static readonly Address Newcomer = Account(0x4e4e);

    public static IReadOnlyList<RegistryOrganization> Organizations { get; } =
    [
        new(1, "Nectar Network Governance", true, GenesisTime),
        new(2, "Acme Hospital", true, GenesisTime),
        new(3, "Dormant Clinic", false, GenesisTime - 86_400),
        new(4, "Massachusetts General Physicians Organization — Research Division", true, GenesisTime + 1),
    ];

    public static IReadOnlyList<RegistryMember> Members { get; } =
    [
        new(Governor, 1, AccountRoles.Governor | AccountRoles.User, true, GenesisTime),
        new(HospitalAdmin, 2, AccountRoles.OrganizationAdmin | AccountRoles.User, true, GenesisTime),
        new(Nurse, 2, AccountRoles.User, true, GenesisTime + 5),
        new(NodeOperator, 2, AccountRoles.NodeOperator, true, GenesisTime),
        new(Auditor, 1, AccountRoles.Auditor, true, GenesisTime),
        new(Revoked, 2, AccountRoles.User, false, GenesisTime - 10),
        new(DormantUser, 3, AccountRoles.User, true, GenesisTime - 86_400),
        new(ResearchAdmin, 4, AccountRoles.OrganizationAdmin, true, ulong.MaxValue),
    ];

    public static Address Account(ulong value)
    {
        var bytes = new byte[20];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(12), value);
        return new Address(bytes);
    }
}
