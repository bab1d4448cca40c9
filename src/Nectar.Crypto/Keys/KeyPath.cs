using System.Globalization;
using System.Text;

namespace Nectar.Crypto.Keys;

/// <summary>
/// A BIP-32 derivation path such as <c>m/44'/60'/0'/0/0</c>: child indices from the master key, hardened ones at
/// <see cref="HardenedOffset"/> and above.
/// </summary>
public sealed class KeyPath : IEquatable<KeyPath>
{
    /// <summary>Indices at or above this are hardened children (written with <c>'</c>).</summary>
    public const uint HardenedOffset = 0x8000_0000;

    private readonly uint[] _indices;

    private KeyPath(uint[] indices) => _indices = indices;

    /// <summary>The master key's path, <c>m</c>.</summary>
    public static KeyPath Master { get; } = new([]);

    /// <summary>The child indices from the master key, hardened ones including <see cref="HardenedOffset"/>.</summary>
    public IReadOnlyList<uint> Indices => _indices;

    /// <summary>The number of derivation steps (the depth of the derived key).</summary>
    public int Depth => _indices.Length;

    /// <summary>
    /// The path of Ethereum account <paramref name="index"/> in the BIP-44 layout wallets use:
    /// <c>m/44'/60'/0'/0/index</c>.
    /// </summary>
    /// <param name="index">The account index, below 2^31.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is 2^31 or more.</exception>
    public static KeyPath Ethereum(uint index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, HardenedOffset);
        return new([44 | HardenedOffset, 60 | HardenedOffset, HardenedOffset, 0, index]);
    }

    /// <summary>
    /// Parses <c>m</c> followed by <c>/index</c> steps; a step marked <c>'</c>, <c>h</c> or <c>H</c> is hardened.
    /// Indices are decimal without sign or leading zeros, below 2^31.
    /// </summary>
    /// <param name="text">The path text.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FormatException">The text is not a path; the message names the step.</exception>
    public static KeyPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text != "m" && !text.StartsWith("m/", StringComparison.Ordinal))
        {
            throw new FormatException($"A key path starts with \"m\" (found \"{Shorten(text)}\").");
        }

        if (text.Length == 1)
        {
            return Master;
        }

        var steps = text[2..].Split('/');
        var indices = new uint[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var hardened = step.Length > 0 && step[^1] is '\'' or 'h' or 'H';
            var digits = hardened ? step[..^1] : step;
            if (digits.Length == 0
                || (digits.Length > 1 && digits[0] == '0')
                || !uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || index >= HardenedOffset)
            {
                throw new FormatException($"Step {i + 1} of the key path (\"{Shorten(step)}\") is not an index from 0 to 2147483647, optionally followed by ' for a hardened child.");
            }

            indices[i] = hardened ? index | HardenedOffset : index;
        }

        return new KeyPath(indices);
    }

    /// <summary>This path extended by one child.</summary>
    /// <param name="index">The child index, hardened ones including <see cref="HardenedOffset"/>.</param>
    /// <returns>The longer path.</returns>
    public KeyPath Child(uint index) => new([.. _indices, index]);

    /// <summary>The path as text, hardened steps marked with <c>'</c>.</summary>
    /// <returns>For example <c>m/44'/60'/0'/0/0</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("m");
        foreach (var index in _indices)
        {
            text.Append('/').Append((index & ~HardenedOffset).ToString(CultureInfo.InvariantCulture));
            if (index >= HardenedOffset)
            {
                text.Append('\'');
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(KeyPath? other) => other is not null && _indices.AsSpan().SequenceEqual(other._indices);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KeyPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var index in _indices)
        {
            hash.Add(index);
        }

        return hash.ToHashCode();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
