using Nectar.Core.Primitives;

namespace Nectar.Cli.Devnet;

/// <summary>One funded, admitted development account of a running devnet.</summary>
/// <param name="Address">The account.</param>
/// <param name="PrivateKey">Its private key as 0x-prefixed hex (the well-known development keys: never use them elsewhere).</param>
/// <param name="Token">A bearer token of a session already signed in as this account.</param>
/// <param name="Roles">The account's roles in the registry, for the banner.</param>
public sealed record DevnetAccount(Address Address, string PrivateKey, string Token, IReadOnlyList<string> Roles)
{
    /// <summary>The token never appears in the record's text form.</summary>
    /// <returns>The address and roles.</returns>
    public override string ToString() => $"{Address.ToChecksumString()} ({string.Join(", ", Roles)})";
}
