using BenchmarkDotNet.Attributes;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Encoding;

/// <summary>
/// RLP of an EIP-1559-shaped transaction (12 fields, 100 bytes of call data) and of a 500-item list of hashes:
/// size-then-write into a span, strict field-by-field reads, full validation, and the pooled builder.
/// </summary>
[MemoryDiagnoser]
public class RlpBenchmarks
{
    private const int ListItems = 500;

    private static readonly byte[] Value = [0x0d, 0xe0, 0xb6, 0xb3, 0xa7, 0x64, 0x00, 0x00];

    private readonly Address _to = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    private readonly byte[] _data = new byte[100];
    private readonly Hash256[] _hashes = new Hash256[ListItems];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly RlpBuilder _builder = new(64 * 1024);
    private byte[] _transaction = [];
    private byte[] _list = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        random.NextBytes(_data);
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        for (var i = 0; i < _hashes.Length; i++)
        {
            random.NextBytes(bytes);
            _hashes[i] = new Hash256(bytes);
        }

        _transaction = _buffer.AsSpan(0, EncodeTransaction()).ToArray();
        _list = _buffer.AsSpan(0, EncodeList()).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _builder.Dispose();

    [Benchmark]
    public int EncodeTransaction()
    {
        var contentLength =
            Rlp.LengthOfUInt64(1) + Rlp.LengthOfUInt64(42) + Rlp.LengthOfUInt64(1_000_000_000) +
            Rlp.LengthOfUInt64(30_000_000_000) + Rlp.LengthOfUInt64(21_000) + Rlp.LengthOfOptionalAddress(_to) +
            Rlp.LengthOfInteger(Value) + Rlp.LengthOfBytes(_data) + Rlp.LengthOfList(0) + Rlp.LengthOfUInt64(1) +
            Rlp.LengthOfHash256 + Rlp.LengthOfHash256;
        var writer = new RlpWriter(_buffer.AsSpan(0, Rlp.LengthOfList(contentLength)));
        writer.WriteListHeader(contentLength);
        writer.WriteUInt64(1);
        writer.WriteUInt64(42);
        writer.WriteUInt64(1_000_000_000);
        writer.WriteUInt64(30_000_000_000);
        writer.WriteUInt64(21_000);
        writer.WriteOptionalAddress(_to);
        writer.WriteInteger(Value);
        writer.WriteBytes(_data);
        writer.WriteListHeader(0);
        writer.WriteUInt64(1);
        writer.WriteHash256(Hash256.EmptyTrieRoot);
        writer.WriteHash256(Hash256.EmptyListHash);
        return writer.Position;
    }

    [Benchmark]
    public ulong DecodeTransaction()
    {
        var reader = new RlpReader(_transaction);
        var tx = reader.ReadList();
        reader.EnsureEnd();
        var sum = tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64();
        var to = tx.ReadOptionalAddress();
        sum += (ulong)tx.ReadInteger(32).Length + (ulong)tx.ReadBytes().Length;
        tx.ReadList().EnsureEnd();
        sum += tx.ReadUInt64();
        var r = tx.ReadHash256();
        var s = tx.ReadHash256();
        tx.EnsureEnd();
        return sum + (to.HasValue ? 1UL : 0UL) + (r == s ? 1UL : 0UL);
    }

    [Benchmark]
    public int BuildTransactionWithBuilder()
    {
        _builder.Clear();
        _builder.StartList();
        _builder.WriteUInt64(1);
        _builder.WriteUInt64(42);
        _builder.WriteUInt64(1_000_000_000);
        _builder.WriteUInt64(30_000_000_000);
        _builder.WriteUInt64(21_000);
        _builder.WriteOptionalAddress(_to);
        _builder.WriteInteger(Value);
        _builder.WriteBytes(_data);
        _builder.StartList();
        _builder.EndList();
        _builder.WriteUInt64(1);
        _builder.WriteHash256(Hash256.EmptyTrieRoot);
        _builder.WriteHash256(Hash256.EmptyListHash);
        _builder.EndList();
        return _builder.Length;
    }

    [Benchmark]
    public int EncodeList()
    {
        var contentLength = ListItems * Rlp.LengthOfHash256;
        var writer = new RlpWriter(_buffer.AsSpan(0, Rlp.LengthOfList(contentLength)));
        writer.WriteListHeader(contentLength);
        foreach (var hash in _hashes)
        {
            writer.WriteHash256(hash);
        }

        return writer.Position;
    }

    [Benchmark]
    public int DecodeList()
    {
        var reader = new RlpReader(_list);
        var list = reader.ReadList();
        reader.EnsureEnd();
        var count = 0;
        while (list.HasMore)
        {
            if (!list.ReadHash256().IsZero)
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark]
    public void ValidateList() => Rlp.Validate(_list);
}
