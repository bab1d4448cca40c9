using Nectar.Core.Primitives;

namespace Nectar.Crypto.Keystore;

/// <summary>What a keystore file says about itself without being decrypted.</summary>
/// <param name="Id">The file's UUID.</param>
/// <param name="Address">The account it claims to hold, when the file names one (the format makes it optional).</param>
public sealed record KeystoreFileInfo(Guid Id, Address? Address);
