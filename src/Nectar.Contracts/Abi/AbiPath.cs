using System.Globalization;
using System.Text;

namespace Nectar.Contracts.Abi;

/// <summary>
/// The location of a value inside nested parameters (<c>orders[2].amount</c>), collected while an encoding or
/// decoding error unwinds, so the success path never builds it.
/// </summary>
internal sealed class AbiPath
{
    // Innermost first: segments are added as the error travels outwards.
    private readonly List<string> _segments = [];

    public bool IsEmpty => _segments.Count == 0;

    public void AddComponent(AbiParameter parameter, int index) =>
        _segments.Add(parameter.Name.Length > 0 ? parameter.Name : "#" + index.ToString(CultureInfo.InvariantCulture));

    public void AddElement(int index) => _segments.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            var segment = _segments[i];
            if (builder.Length > 0 && segment[0] != '[')
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }
}
