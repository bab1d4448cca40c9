using System.Buffers;
using System.Text;
using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Crypto.Keystore;

public static partial class Web3Keystore
{
    private static string WriteJson(EncryptedKey key)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            if (key.Address is { } address)
            {
                // go-ethereum's form: lowercase hex without 0x.
                writer.WriteString("address", address.ToString()[2..]);
            }

            writer.WriteStartObject("crypto");
            writer.WriteString("cipher", "aes-128-ctr");
            writer.WriteString("ciphertext", Hex.ToHexString(key.Ciphertext, withPrefix: false));
            writer.WriteStartObject("cipherparams");
            writer.WriteString("iv", Hex.ToHexString(key.Iv, withPrefix: false));
            writer.WriteEndObject();
            writer.WriteString("kdf", "scrypt");
            writer.WriteStartObject("kdfparams");
            writer.WriteNumber("dklen", DerivedKeyLength);
            writer.WriteNumber("n", key.Scrypt.N);
            writer.WriteNumber("p", key.Scrypt.P);
            writer.WriteNumber("r", key.Scrypt.R);
            writer.WriteString("salt", Hex.ToHexString(key.Salt, withPrefix: false));
            writer.WriteEndObject();
            writer.WriteString("mac", Hex.ToHexString(key.Mac, withPrefix: false));
            writer.WriteEndObject();
            writer.WriteString("id", key.Id.ToString("D"));
            writer.WriteNumber("version", Version);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static EncryptedKey ReadJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            throw new KeystoreException("The keystore file is not valid JSON.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreException("The keystore file must be a JSON object.");
            }

            var version = Member(root, "version") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var number) ? number : -1;
            if (version != Version)
            {
                throw new KeystoreException($"Only version {Version} keystore files are supported (version: {Describe(Member(root, "version"))}).");
            }

            // Old go-ethereum files spell it "Crypto"; Go's decoder matches member names case-insensitively.
            var crypto = Member(root, "crypto") ?? throw new KeystoreException("The keystore file has no crypto section.");
            if (crypto.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreException("The crypto section must be an object.");
            }

            var cipher = RequireString(crypto, "cipher", "crypto.cipher");
            if (!string.Equals(cipher, "aes-128-ctr", StringComparison.Ordinal))
            {
                throw new KeystoreException($"Unsupported cipher '{cipher}': only aes-128-ctr is supported.");
            }

            var cipherParams = RequireObject(crypto, "cipherparams", "crypto.cipherparams");
            var iv = RequireHex(cipherParams, "iv", "crypto.cipherparams.iv", IvLength);
            var ciphertext = RequireHex(crypto, "ciphertext", "crypto.ciphertext", KeyLength);
            var mac = RequireHex(crypto, "mac", "crypto.mac", 32);
            var kdfParams = RequireObject(crypto, "kdfparams", "crypto.kdfparams");
            var dklen = RequireInt(kdfParams, "dklen", "crypto.kdfparams.dklen");
            if (dklen != DerivedKeyLength)
            {
                throw new KeystoreException($"crypto.kdfparams.dklen must be {DerivedKeyLength}, got {dklen}.");
            }

            var salt = RequireHex(kdfParams, "salt", "crypto.kdfparams.salt", expectedLength: null);
            var kdf = RequireString(crypto, "kdf", "crypto.kdf");
            var id = Member(root, "id") is { ValueKind: JsonValueKind.String } idText && Guid.TryParse(idText.GetString(), out var guid) ? guid : Guid.Empty;
            var address = ReadAddress(root);
            switch (kdf)
            {
                case "scrypt":
                    var scrypt = new ScryptParameters(
                        RequireInt(kdfParams, "n", "crypto.kdfparams.n"),
                        RequireInt(kdfParams, "r", "crypto.kdfparams.r"),
                        RequireInt(kdfParams, "p", "crypto.kdfparams.p"));
                    if (scrypt.Validate() is { } problem)
                    {
                        throw new KeystoreException($"Unsupported key derivation parameters: {problem}.");
                    }

                    return new EncryptedKey(id, address, ciphertext, iv, Kdf.Scrypt, salt, scrypt, 0, mac);
                case "pbkdf2":
                    var prf = RequireString(kdfParams, "prf", "crypto.kdfparams.prf");
                    if (!string.Equals(prf, "hmac-sha256", StringComparison.Ordinal))
                    {
                        throw new KeystoreException($"Unsupported PBKDF2 function '{prf}': only hmac-sha256 is supported.");
                    }

                    var iterations = RequireInt(kdfParams, "c", "crypto.kdfparams.c");
                    if (iterations is < 1 or > MaxPbkdf2Iterations)
                    {
                        throw new KeystoreException($"crypto.kdfparams.c must lie between 1 and {MaxPbkdf2Iterations}, got {iterations}.");
                    }

                    return new EncryptedKey(id, address, ciphertext, iv, Kdf.Pbkdf2, salt, default, iterations, mac);
                default:
                    throw new KeystoreException($"Unsupported key derivation '{kdf}': scrypt and pbkdf2 are supported.");
            }
        }
    }

    private static Address? ReadAddress(JsonElement root)
    {
        if (Member(root, "address") is not { ValueKind: JsonValueKind.String } element)
        {
            return null;
        }

        var text = element.GetString()!;
        Span<byte> bytes = stackalloc byte[Address.Length];
        if (Hex.TryDecode(text, bytes, out var written) != HexError.None || written != Address.Length)
        {
            throw new KeystoreException("The address field must be 20 bytes of hex.");
        }

        return new Address(bytes);
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string RequireString(JsonElement element, string name, string path) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new KeystoreException($"{path} must be a string.");

    private static JsonElement RequireObject(JsonElement element, string name, string path) =>
        Member(element, name) is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new KeystoreException($"{path} must be an object.");

    private static int RequireInt(JsonElement element, string name, string path) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : throw new KeystoreException($"{path} must be a 32-bit integer.");

    private static byte[] RequireHex(JsonElement element, string name, string path, int? expectedLength)
    {
        var text = RequireString(element, name, path);
        if (Hex.TryDecode(text, out var bytes) != HexError.None || bytes is null)
        {
            throw new KeystoreException($"{path} must be hex.");
        }

        if (expectedLength is { } length && bytes.Length != length)
        {
            throw new KeystoreException($"{path} must be {length} bytes, got {bytes.Length}.");
        }

        if (bytes.Length == 0)
        {
            throw new KeystoreException($"{path} must not be empty.");
        }

        return bytes;
    }

    private static string Describe(JsonElement? element) => element is { } value ? value.GetRawText() : "missing";
}
