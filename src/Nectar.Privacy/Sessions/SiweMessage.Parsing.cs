using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

public sealed partial class SiweMessage
{
    private const string HeaderSuffix = " wants you to sign in with your Ethereum account:";
    private const string UriTag = "URI: ";
    private const string VersionTag = "Version: ";
    private const string ChainIdTag = "Chain ID: ";
    private const string NonceTag = "Nonce: ";
    private const string IssuedAtTag = "Issued At: ";
    private const string ExpirationTimeTag = "Expiration Time: ";
    private const string NotBeforeTag = "Not Before: ";
    private const string RequestIdTag = "Request ID: ";
    private const string ResourcesLine = "Resources:";
    private const string ResourcePrefix = "- ";

    /// <summary>The tagged fields in the order the EIP fixes, with the names errors use.</summary>
    private static readonly (string Tag, string Field)[] FieldOrder =
    [
        (UriTag, "URI"),
        (VersionTag, "Version"),
        (ChainIdTag, "Chain ID"),
        (NonceTag, "Nonce"),
        (IssuedAtTag, "Issued At"),
        (ExpirationTimeTag, "Expiration Time"),
        (NotBeforeTag, "Not Before"),
        (RequestIdTag, "Request ID"),
        (ResourcesLine, "Resources"),
    ];

    /// <summary>Parses an EIP-4361 message.</summary>
    /// <param name="text">The message exactly as signed.</param>
    /// <returns>The message.</returns>
    /// <exception cref="SiweFormatException">The text is not a well-formed message; the exception names the line and field.</exception>
    public static SiweMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseCore(text, out var message, out var failure))
        {
            return message;
        }

        throw new SiweFormatException(failure.Line, failure.Field, failure.Problem);
    }

    /// <summary>Parses an EIP-4361 message without throwing.</summary>
    /// <param name="text">The message exactly as signed.</param>
    /// <param name="message">The message, or <see langword="null"/> on failure.</param>
    /// <param name="error">On failure, what is wrong and on which line (the text <see cref="Parse"/> would throw).</param>
    /// <returns>Whether the text is a well-formed message.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out SiweMessage? message,
        [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            message = null;
            error = SiweFormatException.Describe(1, "header", "no message was given.");
            return false;
        }

        if (TryParseCore(text, out message, out var failure))
        {
            error = null;
            return true;
        }

        error = SiweFormatException.Describe(failure.Line, failure.Field, failure.Problem);
        return false;
    }

    private static bool TryParseCore(string text, [NotNullWhen(true)] out SiweMessage? message, out Failure failure)
    {
        message = null;
        var fields = default(ParsedFields);
        failure = ParseLines(text, ref fields);
        if (failure.Line != 0)
        {
            return false;
        }

        message = new SiweMessage(fields);
        return true;
    }

    /// <summary>Reads the lines in the order of the ABNF; returns a failure with line 0 on success.</summary>
    private static Failure ParseLines(string text, ref ParsedFields fields)
    {
        var carriageReturn = text.IndexOf('\r', StringComparison.Ordinal);
        if (carriageReturn >= 0)
        {
            return new(LineOf(text, carriageReturn), "line ending", "a carriage return was found; lines end with LF alone.");
        }

        var lines = text.Split('\n');
        var failure = ParseHeader(lines[0], ref fields);
        if (failure.Line != 0)
        {
            return failure;
        }

        if (lines.Length < 2)
        {
            return new(2, "address", "the message ends before the address.");
        }

        failure = ParseAddress(lines[1], ref fields);
        if (failure.Line != 0)
        {
            return failure;
        }

        if (lines.Length < 3 || lines[2].Length != 0)
        {
            return new(3, "blank line", lines.Length < 3 ? "the message ends after the address." : "an empty line must follow the address.");
        }

        var index = 3;
        failure = ParseStatement(lines, ref index, ref fields);
        if (failure.Line != 0)
        {
            return failure;
        }

        failure = ParseRequiredFields(lines, ref index, ref fields);
        if (failure.Line != 0)
        {
            return failure;
        }

        failure = ParseOptionalFields(lines, ref index, ref fields);
        if (failure.Line != 0)
        {
            return failure;
        }

        return index < lines.Length ? Unexpected(lines, index) : default;
    }

    private static Failure ParseHeader(string line, ref ParsedFields fields)
    {
        if (!line.EndsWith(HeaderSuffix, StringComparison.Ordinal))
        {
            return new(1, "header", $"expected '<domain>{HeaderSuffix}'.");
        }

        var origin = line[..^HeaderSuffix.Length];
        var separator = origin.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            var scheme = origin[..separator];
            if (!SiweGrammar.IsScheme(scheme))
            {
                return new(1, "scheme", $"'{scheme}' is not an RFC 3986 scheme.");
            }

            fields.Scheme = scheme;
            origin = origin[(separator + 3)..];
        }

        if (origin.Length == 0)
        {
            return new(1, "domain", "the domain is missing.");
        }

        if (!SiweGrammar.IsAuthority(origin))
        {
            return new(1, "domain", $"'{origin}' is not an RFC 3986 authority.");
        }

        fields.Domain = origin;
        return default;
    }

    private static Failure ParseAddress(string line, ref ParsedFields fields)
    {
        if (!Address.TryParse(line.AsSpan(), out var address))
        {
            return new(2, "address", line.Length == 0
                ? "the address is missing."
                : "expected 0x followed by 40 hexadecimal digits with a valid EIP-55 checksum.");
        }

        if (!Address.IsChecksumValid(line))
        {
            return new(2, "address", $"the address must be written in EIP-55 checksum form ({address.ToChecksumString()}).");
        }

        fields.Address = address;
        return default;
    }

    /// <summary>
    /// After "address LF LF" comes either "LF" (no statement), "statement LF LF", or, for an empty statement,
    /// "LF LF": three, five or four lines before the URI line respectively.
    /// </summary>
    private static Failure ParseStatement(string[] lines, ref int index, ref ParsedFields fields)
    {
        if (index >= lines.Length)
        {
            return new(index + 1, "statement", "the message ends before the statement or URI.");
        }

        if (lines[index].Length == 0)
        {
            if (index + 1 < lines.Length && lines[index + 1].Length == 0)
            {
                fields.Statement = string.Empty;
                index += 2;
            }
            else
            {
                index += 1;
            }

            return default;
        }

        var statement = lines[index];
        var bad = SiweGrammar.IndexOfInvalidStatementCharacter(statement);
        if (bad >= 0)
        {
            return new(index + 1, "statement", $"the character '{Printable(statement[bad])}' at column {bad + 1} is not allowed in a statement.");
        }

        if (index + 1 >= lines.Length || lines[index + 1].Length != 0)
        {
            return new(index + 2, "blank line", "an empty line must follow the statement (a statement is a single line).");
        }

        fields.Statement = statement;
        index += 2;
        return default;
    }

    private static Failure ParseRequiredFields(string[] lines, ref int index, ref ParsedFields fields)
    {
        if (!TryTake(lines, ref index, 0, out var uri, out var failure))
        {
            return failure;
        }

        if (!SiweGrammar.IsUri(uri))
        {
            return new(index, "URI", $"'{uri}' is not an RFC 3986 URI.");
        }

        fields.Uri = uri;

        if (!TryTake(lines, ref index, 1, out var version, out failure))
        {
            return failure;
        }

        if (version != CurrentVersion)
        {
            return new(index, "Version", $"the version must be {CurrentVersion}, not '{version}'.");
        }

        if (!TryTake(lines, ref index, 2, out var chainId, out failure))
        {
            return failure;
        }

        if (TryParseChainId(chainId, out fields.ChainId) is { } chainIdProblem)
        {
            return new(index, "Chain ID", chainIdProblem);
        }

        if (!TryTake(lines, ref index, 3, out var nonce, out failure))
        {
            return failure;
        }

        if (!SiweGrammar.IsNonce(nonce))
        {
            return new(index, "Nonce", "the nonce must be at least 8 letters or digits.");
        }

        fields.Nonce = nonce;

        if (!TryTake(lines, ref index, 4, out var issuedAt, out failure))
        {
            return failure;
        }

        if (SiweTimestamp.TryParseCore(issuedAt, out var issued) is { } issuedProblem)
        {
            return new(index, "Issued At", issuedProblem);
        }

        fields.IssuedAt = issued!;
        return default;
    }

    private static Failure ParseOptionalFields(string[] lines, ref int index, ref ParsedFields fields)
    {
        if (index < lines.Length && lines[index].StartsWith(ExpirationTimeTag, StringComparison.Ordinal))
        {
            if (SiweTimestamp.TryParseCore(lines[index][ExpirationTimeTag.Length..], out var expiration) is { } problem)
            {
                return new(index + 1, "Expiration Time", problem);
            }

            fields.ExpirationTime = expiration;
            index++;
        }

        if (index < lines.Length && lines[index].StartsWith(NotBeforeTag, StringComparison.Ordinal))
        {
            if (SiweTimestamp.TryParseCore(lines[index][NotBeforeTag.Length..], out var notBefore) is { } problem)
            {
                return new(index + 1, "Not Before", problem);
            }

            fields.NotBefore = notBefore;
            index++;
        }

        if (index < lines.Length && lines[index].StartsWith(RequestIdTag, StringComparison.Ordinal))
        {
            var requestId = lines[index][RequestIdTag.Length..];
            if (!SiweGrammar.IsRequestId(requestId))
            {
                return new(index + 1, "Request ID", $"'{requestId}' is not a valid request id (RFC 3986 pchar characters only).");
            }

            fields.RequestId = requestId;
            index++;
        }

        if (index < lines.Length && lines[index] == ResourcesLine)
        {
            index++;
            var resources = new List<string>();
            while (index < lines.Length && lines[index].StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                var resource = lines[index][ResourcePrefix.Length..];
                if (!SiweGrammar.IsUri(resource))
                {
                    return new(index + 1, "Resources", $"the resource '{resource}' is not an RFC 3986 URI.");
                }

                resources.Add(resource);
                index++;
            }

            fields.Resources = [.. resources];
        }

        return default;
    }

    /// <summary>Takes the value of the required field at <paramref name="order"/>; explains a missing or misplaced one.</summary>
    private static bool TryTake(string[] lines, ref int index, int order, out string value, out Failure failure)
    {
        var (tag, field) = FieldOrder[order];
        value = string.Empty;
        if (index >= lines.Length)
        {
            failure = new(index + 1, field, $"the message ends before the {field} field.");
            return false;
        }

        var line = lines[index];
        if (!line.StartsWith(tag, StringComparison.Ordinal))
        {
            var found = KnownFieldOf(line);
            failure = new(index + 1, field, found is null
                ? $"expected '{tag}…'."
                : $"found the {found} field where the {field} field belongs; fields follow the order of EIP-4361.");
            return false;
        }

        value = line[tag.Length..];
        index++;
        failure = default;
        return true;
    }

    /// <summary>Describes a line left over after the last field the message may have.</summary>
    private static Failure Unexpected(string[] lines, int index)
    {
        var line = lines[index];
        if (line.Length == 0 && index == lines.Length - 1)
        {
            return new(index + 1, "end", "the message must not end with a line break.");
        }

        var found = KnownFieldOf(line);
        return found is null
            ? new(index + 1, "end", "unexpected line after the last field.")
            : new(index + 1, found, $"the {found} field is repeated or out of order; fields follow the order of EIP-4361.");
    }

    private static string? KnownFieldOf(string line)
    {
        foreach (var (tag, field) in FieldOrder)
        {
            if (tag == ResourcesLine ? line == ResourcesLine : line.StartsWith(tag, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>chain-id = 1*DIGIT, here without leading zeros and within 64 bits, so it formats back unchanged.</summary>
    private static string? TryParseChainId(string text, out ulong chainId)
    {
        chainId = 0;
        if (text.Length == 0)
        {
            return "the chain id is missing.";
        }

        foreach (var c in text)
        {
            if (!SiweGrammar.IsDigit(c))
            {
                return $"'{text}' is not a decimal chain id.";
            }
        }

        if (text.Length > 1 && text[0] == '0')
        {
            return $"'{text}' has leading zeros.";
        }

        return ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out chainId)
            ? null
            : $"'{text}' does not fit in 64 bits.";
    }

    private static int LineOf(string text, int position) => text.AsSpan(0, position).Count('\n') + 1;

    /// <summary>Where parsing stopped: a 1-based line (0 means success), the field, and the problem.</summary>
    private readonly record struct Failure(int Line, string Field, string Problem);
}
