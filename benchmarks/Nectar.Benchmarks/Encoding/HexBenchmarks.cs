using BenchmarkDotNet.Attributes;
using Nectar.Benchmarks.Hashing;
using Nectar.Core.Encoding;

namespace Nectar.Benchmarks.Encoding;

/// <summary>Hex of a hash-sized value and of 1 KiB: to a new string, into spans, and back.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputColumn.Config))]
public class HexBenchmarks
{
    private byte[] _bytes = [];
    private char[] _chars = [];
    private byte[] _utf8 = [];
    private string _text = "";
    private byte[] _decoded = [];

    [Params(32, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = new byte[Size];
        new Random(1).NextBytes(_bytes);
        _text = Hex.ToHexString(_bytes);
        _chars = _text.ToCharArray();
        _utf8 = System.Text.Encoding.ASCII.GetBytes(_text);
        _decoded = new byte[Size];
    }

    [Benchmark]
    public string EncodeToString() => Hex.ToHexString(_bytes);

    [Benchmark]
    public bool EncodeToChars() => Hex.TryEncode(_bytes, _chars, out _);

    [Benchmark]
    public bool EncodeToUtf8() => Hex.TryEncode(_bytes, _utf8, out _);

    [Benchmark]
    public HexError DecodeChars() => Hex.TryDecode(_chars, _decoded, out _);

    [Benchmark]
    public HexError DecodeUtf8() => Hex.TryDecode(_utf8, _decoded, out _);

    [Benchmark]
    public byte[] DecodeToArray() => Hex.Decode(_text);
}
