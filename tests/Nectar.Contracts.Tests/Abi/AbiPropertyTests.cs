using FsCheck;
using FsCheck.Fluent;
using Nectar.Contracts.Abi;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>Round trips and robustness over random nested types and values (fixed seeds, replayable).</summary>
public sealed class AbiPropertyTests
{
    [Fact]
    public void Any_values_decode_from_their_encoding_to_equal_values()
    {
        var property = Prop.ForAll(AbiSamples.Parameters, sample =>
        {
            var encoded = AbiEncoder.Encode(sample.Parameters, sample.Values);
            var decoded = AbiDecoder.Decode(sample.Parameters, encoded);
            return encoded.Length % 32 == 0
                && encoded.Length == AbiEncoder.GetEncodedLength(sample.Parameters, sample.Values)
                && decoded.AsSpan().SequenceEqual(sample.Values)
                && AbiValue.TupleOf(decoded).GetHashCode() == AbiValue.TupleOf(sample.Values).GetHashCode();
        });

        Check.One(PropertyConfig.Replayable(0xAB1_0001, 400), property);
    }

    [Fact]
    public void Decoding_accepts_the_canonical_encoding_and_re_encoding_reproduces_it()
    {
        var property = Prop.ForAll(AbiSamples.Parameters, sample =>
        {
            var encoded = AbiEncoder.Encode(sample.Parameters, sample.Values);
            return AbiEncoder.Encode(sample.Parameters, AbiDecoder.Decode(sample.Parameters, encoded)).AsSpan().SequenceEqual(encoded);
        });

        Check.One(PropertyConfig.Replayable(0xAB1_0002, 300), property);
    }

    [Fact]
    public void Type_names_parse_back_to_equal_types()
    {
        var property = Prop.ForAll(Arb.From(AbiSamples.Type(4)), type => AbiType.Parse(type.CanonicalName).Equals(type));

        Check.One(PropertyConfig.Replayable(0xAB1_0003, 500), property);
    }

    [Fact]
    public void Mutated_encodings_fail_only_with_AbiDecodingException()
    {
        var random = new Random(0xAB1_0004);
        var samples = Gen.Sample(AbiSamples.Parameters.Generator, 40, 300);
        var accepted = 0;
        for (var i = 0; i < 6_000; i++)
        {
            var sample = samples[random.Next(samples.Length)];
            var data = AbiEncoder.Encode(sample.Parameters, sample.Values);
            switch (random.Next(4))
            {
                case 0 when data.Length > 0:
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Length > 0:
                    data = data[..random.Next(data.Length)];
                    break;
                case 2 when data.Length >= 32:
                    // Overwrite a word with a small number: plausible offsets and lengths.
                    var word = random.Next(data.Length / 32) * 32;
                    Array.Clear(data, word, 32);
                    data[word + 31] = (byte)random.Next(256);
                    break;
                default:
                    random.NextBytes(data);
                    break;
            }

            try
            {
                var decoded = AbiDecoder.Decode(sample.Parameters, data);
                AbiEncoder.Encode(sample.Parameters, decoded);
                accepted++;
            }
            catch (AbiDecodingException)
            {
                // The only way to fail.
            }
        }

        Assert.InRange(accepted, 1, 5_999);
    }
}
