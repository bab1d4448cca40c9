using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Tests;

namespace Nectar.Core.Tests.Encoding;

/// <summary>Every case of ethereum/tests RLPTests, one test case per file and name.</summary>
public sealed class RlpConformanceTests
{
    private static readonly string[] Files = ["rlptest.json", "invalidRLPTest.json", "RandomRLPTests/example.json"];

    private static readonly Lazy<Dictionary<(string File, string Name), JsonElement>> AllCases = new(LoadAll);

    public static TheoryData<string, string> EncodingCases() => Select(kind => kind == CaseKind.Encode);

    public static TheoryData<string, string> DecodableCases() => Select(kind => kind != CaseKind.Invalid);

    public static TheoryData<string, string> InvalidCases() => Select(kind => kind == CaseKind.Invalid);

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public void Encodes_the_input_to_exactly_the_expected_bytes(string file, string name)
    {
        var (input, expected) = Case(file, name);
        var item = ToItem(input);
        Assert.Equal(Hex.ToHexString(expected), Hex.ToHexString(item.Encode()));
        Assert.Equal(expected.Length, item.EncodedLength);

        using var builder = new RlpBuilder(16);
        WriteWithBuilder(builder, input);
        Assert.Equal(Hex.ToHexString(expected), Hex.ToHexString(builder.ToArray()));
    }

    [Theory]
    [MemberData(nameof(DecodableCases))]
    public void Decodes_the_expected_bytes_and_re_encodes_them_unchanged(string file, string name)
    {
        var (input, expected) = Case(file, name);
        Rlp.Validate(expected);
        var decoded = RlpItem.Decode(expected);
        Assert.Equal(Hex.ToHexString(expected), Hex.ToHexString(decoded.Encode()));
        if (input.ValueKind != JsonValueKind.String || input.GetString() != "VALID")
        {
            Assert.Equal(ToItem(input), decoded);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Rejects_the_invalid_encoding(string file, string name)
    {
        var (_, encoded) = Case(file, name);
        Assert.Throws<RlpException>(() => RlpItem.Decode(encoded));
        Assert.Throws<RlpException>(() => Rlp.Validate(encoded));
    }

    [Fact]
    public void Covers_every_case_in_the_fixture_files()
    {
        Assert.Equal(AllCases.Value.Count, EncodingCases().Count + InvalidCases().Count + 1);
        Assert.True(AllCases.Value.Count >= 55, $"only {AllCases.Value.Count} RLP cases found");
    }

    private enum CaseKind
    {
        Encode,
        DecodeOnly,
        Invalid,
    }

    private static CaseKind KindOf(JsonElement testCase)
    {
        var input = testCase.GetProperty("in");
        return input.ValueKind == JsonValueKind.String
            ? input.GetString() switch
            {
                "INVALID" => CaseKind.Invalid,
                "VALID" => CaseKind.DecodeOnly,
                _ => CaseKind.Encode,
            }
            : CaseKind.Encode;
    }

    private static TheoryData<string, string> Select(Func<CaseKind, bool> predicate)
    {
        var data = new TheoryData<string, string>();
        foreach (var ((file, name), testCase) in AllCases.Value)
        {
            if (predicate(KindOf(testCase)))
            {
                data.Add(file, name);
            }
        }

        return data;
    }

    private static (JsonElement Input, byte[] Output) Case(string file, string name)
    {
        var testCase = AllCases.Value[(file, name)];
        return (testCase.GetProperty("in"), Hex.Decode(testCase.GetProperty("out").GetString()));
    }

    private static Dictionary<(string, string), JsonElement> LoadAll()
    {
        var cases = new Dictionary<(string, string), JsonElement>();
        foreach (var file in Files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("ethereum-tests", "RLPTests", file)));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                cases.Add((file, property.Name), property.Value.Clone());
            }
        }

        return cases;
    }

    /// <summary>Strings are their UTF-8 bytes, numbers and <c>#</c>-prefixed decimals are integers, arrays are lists.</summary>
    private static RlpItem ToItem(JsonElement input) => input.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.FromList(input.EnumerateArray().Select(ToItem)),
        JsonValueKind.Number => RlpItem.FromInteger(BigEndian(BigInteger.Parse(input.GetRawText(), CultureInfo.InvariantCulture))),
        JsonValueKind.String when input.GetString()!.StartsWith('#') =>
            RlpItem.FromInteger(BigEndian(BigInteger.Parse(input.GetString()![1..], CultureInfo.InvariantCulture))),
        JsonValueKind.String => RlpItem.FromBytes(System.Text.Encoding.UTF8.GetBytes(input.GetString()!)),
        _ => throw new InvalidOperationException($"Unexpected RLP test input {input}"),
    };

    private static void WriteWithBuilder(RlpBuilder builder, JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Array:
                builder.StartList();
                foreach (var element in input.EnumerateArray())
                {
                    WriteWithBuilder(builder, element);
                }

                builder.EndList();
                break;
            case JsonValueKind.Number when input.TryGetUInt64(out var value):
                builder.WriteUInt64(value);
                break;
            default:
                builder.WriteEncoded(ToItem(input).Encode());
                break;
        }
    }

    private static byte[] BigEndian(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
