namespace Nectar.Privacy.Sessions;

/// <summary>A nonce issued for one sign-in: put <see cref="Value"/> in the message's Nonce field before <see cref="ExpiresAt"/>.</summary>
/// <param name="Value">24 random letters and digits (about 143 bits).</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
public sealed record SiweNonce(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
