using Nectar.Core.Encoding;

namespace Nectar.Core.Tests.Encoding;

/// <summary>Random and mutated inputs: the decoders may only ever fail with <see cref="RlpException"/>.</summary>
public sealed class RlpFuzzTests
{
    private const int Seed = 0x524C50;

    [Fact]
    public void Random_bytes_fail_only_with_RlpException()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 8_000; i++)
        {
            var input = new byte[random.Next(0, 48)];
            random.NextBytes(input);
            // Bias the first byte towards headers so that long forms and lists are exercised often.
            if (input.Length > 0 && random.Next(2) == 0)
            {
                input[0] = (byte)random.Next(0xB0, 0x100);
            }

            Exercise(input);
        }
    }

    [Fact]
    public void Mutated_valid_encodings_fail_only_with_RlpException()
    {
        var random = new Random(Seed + 1);
        var samples = new List<byte[]>();
        var property = FsCheck.Fluent.Gen.Sample(RlpTrees.Arbitrary.Generator, 30, 200);
        foreach (var item in property)
        {
            samples.Add(item.Encode());
        }

        for (var i = 0; i < 8_000; i++)
        {
            var input = (byte[])samples[random.Next(samples.Count)].Clone();
            switch (random.Next(4))
            {
                case 0 when input.Length > 0:
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    break;
                case 1 when input.Length > 0:
                    input = input[..random.Next(input.Length)];
                    break;
                case 2:
                    input = [.. input, (byte)random.Next(256)];
                    break;
                default:
                    var position = random.Next(input.Length + 1);
                    input = [.. input[..position], (byte)random.Next(0xB8, 0x100), .. input[position..]];
                    break;
            }

            Exercise(input);
        }
    }

    /// <summary>
    /// Runs every decoder over the input. Whatever is accepted must be canonical: the tree decoder and the validator
    /// agree, and re-encoding gives back exactly the input.
    /// </summary>
    private static void Exercise(byte[] input)
    {
        RlpItem? item = null;
        try
        {
            item = RlpItem.Decode(input);
        }
        catch (RlpException)
        {
        }

        var valid = true;
        try
        {
            Rlp.Validate(input);
        }
        catch (RlpException)
        {
            valid = false;
        }

        Assert.Equal(item is not null, valid);
        if (item is not null)
        {
            Assert.Equal(Hex.ToHexString(input), Hex.ToHexString(item.Encode()));
        }

        try
        {
            var reader = new RlpReader(input);
            Walk(ref reader, 0);
        }
        catch (RlpException)
        {
        }
    }

    private static void Walk(ref RlpReader reader, int depth)
    {
        while (reader.HasMore && depth < 64)
        {
            if (reader.IsList)
            {
                var content = reader.ReadList();
                Walk(ref content, depth + 1);
                continue;
            }

            TryTyped(reader, static (ref r) => r.ReadUInt64());
            TryTyped(reader, static (ref r) => r.ReadInteger(32));
            TryTyped(reader, static (ref r) => r.ReadAddress());
            TryTyped(reader, static (ref r) => r.ReadOptionalAddress());
            TryTyped(reader, static (ref r) => r.ReadHash256());
            TryTyped(reader, static (ref r) => r.ReadEncodedItem());
            reader.ReadBytes();
        }
    }

    private delegate void ReaderAction(ref RlpReader reader);

    private static void TryTyped(RlpReader reader, ReaderAction read)
    {
        try
        {
            read(ref reader);
        }
        catch (RlpException)
        {
        }
    }
}
