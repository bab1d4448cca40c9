namespace Nectar.Contracts.Registry;

/// <summary>An organization record of the account registry.</summary>
/// <param name="Id">The id, from 1; ids are consecutive.</param>
/// <param name="Name">The name, 1 to 128 UTF-8 bytes.</param>
/// <param name="Active">Whether its members are admitted.</param>
/// <param name="CreatedAt">When it was registered (a block timestamp, seconds).</param>
public sealed record RegistryOrganization(ulong Id, string Name, bool Active = true, ulong CreatedAt = 0);
