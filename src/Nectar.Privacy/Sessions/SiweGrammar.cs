using System.Net;
using System.Net.Sockets;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The character classes and productions of EIP-4361's ABNF, with the parts of RFC 3986 it refers to
/// (scheme, authority, URI, pchar). Every check is exact: nothing is normalised or decoded, so a value that
/// passes formats back to the same text.
/// </summary>
internal static class SiweGrammar
{
    // Character classes for IsRun: which characters besides unreserved, sub-delims and pct-encoded a run may hold.
    private const int PcharOnly = 0;
    private const int UserInfoOnly = 1;
    private const int RegNameOnly = 2;
    private const int PathOnly = 3;
    private const int QueryOrFragment = 4;

    /// <summary>RFC 5234 ALPHA.</summary>
    public static bool IsAlpha(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>RFC 5234 DIGIT.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>RFC 5234 HEXDIG (case-insensitive, as ABNF strings are).</summary>
    public static bool IsHexDigit(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".</summary>
    public static bool IsUnreserved(char c) => IsAlpha(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';

    /// <summary>RFC 3986 sub-delims.</summary>
    public static bool IsSubDelimiter(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    /// <summary>RFC 3986 gen-delims.</summary>
    public static bool IsGenDelimiter(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    /// <summary>EIP-4361 statement characters: reserved / unreserved / " " (no line break, no percent sign).</summary>
    public static bool IsStatementCharacter(char c) => IsUnreserved(c) || IsGenDelimiter(c) || IsSubDelimiter(c) || c == ' ';

    /// <summary>RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !IsAlpha(text[0]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!(IsAlpha(c) || IsDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>EIP-4361 nonce: at least eight ALPHA / DIGIT.</summary>
    public static bool IsNonce(ReadOnlySpan<char> text)
    {
        if (text.Length < 8)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(IsAlpha(c) || IsDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>EIP-4361 request-id: *pchar.</summary>
    public static bool IsRequestId(ReadOnlySpan<char> text) => IsRun(text, PcharOnly);

    /// <summary>Index of the first character a statement may not contain, or -1.</summary>
    public static int IndexOfInvalidStatementCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsStatementCharacter(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// RFC 3986 authority: [ userinfo "@" ] host [ ":" port ]. An empty host is refused: a sign-in domain names
    /// something.
    /// </summary>
    public static bool IsAuthority(ReadOnlySpan<char> text) => TrySplitAuthority(text, out _, out var host, out _) && !host.IsEmpty;

    /// <summary>
    /// Splits an authority into its parts and checks each one; the host keeps its brackets when it is an IP literal.
    /// </summary>
    public static bool TrySplitAuthority(ReadOnlySpan<char> text, out ReadOnlySpan<char> userInfo, out ReadOnlySpan<char> host, out ReadOnlySpan<char> port)
    {
        userInfo = default;
        host = default;
        port = default;

        // userinfo cannot contain "@", and neither can host or port, so at most one "@" splits the authority.
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            userInfo = text[..at];
            text = text[(at + 1)..];
            if (!IsRun(userInfo, UserInfoOnly))
            {
                return false;
            }
        }

        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text[..(close + 1)];
            var rest = text[(close + 1)..];
            if (!rest.IsEmpty)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }

            return IsIpLiteral(host) && IsDigits(port);
        }

        // A reg-name or IPv4 address has no ":", so the last one (if any) starts the port.
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            host = text[..colon];
            port = text[(colon + 1)..];
        }
        else
        {
            host = text;
        }

        // IPv4address is a special case of reg-name, so one character check covers both.
        return IsRun(host, RegNameOnly) && IsDigits(port);
    }

    /// <summary>
    /// RFC 3986 URI: scheme ":" hier-part [ "?" query ] [ "#" fragment ]. A relative reference is not a URI.
    /// </summary>
    public static bool IsUri(ReadOnlySpan<char> text) => TrySplitUri(text, out _, out _);

    /// <summary>Splits a URI into its scheme and, when the hier-part starts with "//", its authority.</summary>
    /// <param name="text">The candidate URI.</param>
    /// <param name="scheme">The scheme, without the colon.</param>
    /// <param name="authority">The authority, or empty when the URI has none.</param>
    /// <returns>Whether the text is a URI.</returns>
    public static bool TrySplitUri(ReadOnlySpan<char> text, out ReadOnlySpan<char> scheme, out ReadOnlySpan<char> authority)
    {
        authority = default;
        var colon = text.IndexOf(':');
        scheme = colon > 0 ? text[..colon] : default;
        if (colon <= 0 || !IsScheme(scheme))
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        if (rest.StartsWith("//"))
        {
            rest = rest[2..];
            var end = rest.IndexOfAny('/', '?', '#');
            authority = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[end..];

            // "file:///x" has an empty authority, which RFC 3986 allows; the host is checked only when present.
            if (!authority.IsEmpty && !TrySplitAuthority(authority, out _, out _, out _))
            {
                return false;
            }
        }

        var fragment = rest.IndexOf('#');
        var beforeFragment = fragment < 0 ? rest : rest[..fragment];
        if (fragment >= 0 && !IsRun(rest[(fragment + 1)..], QueryOrFragment))
        {
            return false;
        }

        var query = beforeFragment.IndexOf('?');
        var path = query < 0 ? beforeFragment : beforeFragment[..query];
        if (query >= 0 && !IsRun(beforeFragment[(query + 1)..], QueryOrFragment))
        {
            return false;
        }

        return IsRun(path, PathOnly);
    }

    /// <summary>Whether every character belongs to the class, with "%" only as the start of a pct-encoded triple.</summary>
    private static bool IsRun(ReadOnlySpan<char> text, int characterClass)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHexDigit(text[i + 1]) || !IsHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            var allowed = IsUnreserved(c) || IsSubDelimiter(c) || characterClass switch
            {
                PcharOnly => c is ':' or '@',
                UserInfoOnly => c == ':',
                RegNameOnly => false,
                PathOnly => c is ':' or '@' or '/',
                _ => c is ':' or '@' or '/' or '?',
            };

            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3986 IP-literal: "[" ( IPv6address / IPvFuture ) "]".</summary>
    private static bool IsIpLiteral(ReadOnlySpan<char> bracketed)
    {
        var inner = bracketed[1..^1];
        if (inner.IsEmpty)
        {
            return false;
        }

        if ((inner[0] | 0x20) == 'v')
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var dot = inner.IndexOf('.');
            if (dot < 2 || dot == inner.Length - 1)
            {
                return false;
            }

            foreach (var c in inner[1..dot])
            {
                if (!IsHexDigit(c))
                {
                    return false;
                }
            }

            foreach (var c in inner[(dot + 1)..])
            {
                if (!(IsUnreserved(c) || IsSubDelimiter(c) || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        // The platform parser also accepts zone identifiers ("%eth0"), which RFC 3986 does not; refuse them first.
        foreach (var c in inner)
        {
            if (!(IsHexDigit(c) || c is ':' or '.'))
            {
                return false;
            }
        }

        return IPAddress.TryParse(inner, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
