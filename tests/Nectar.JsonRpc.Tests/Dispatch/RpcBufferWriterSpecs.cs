using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class RpcBufferWriterSpecs
{
    [Fact]
    public void Grows_keeping_what_was_written()
    {
        using var buffer = new RpcBufferWriter(16);
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();

        buffer.Write(data.AsSpan(0, 10));
        buffer.Write(data.AsSpan(10));

        Assert.Equal(data, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Truncates_and_refuses_to_grow_the_written_length()
    {
        using var buffer = new RpcBufferWriter(16);
        buffer.Write("abcdef"u8);

        buffer.Truncate(3);

        Assert.Equal("abc"u8.ToArray(), buffer.WrittenSpan.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Truncate(4));
        Assert.Throws<InvalidOperationException>(() => buffer.Advance(buffer.GetSpan().Length + 1));
    }

    [Fact]
    public void Gives_large_arrays_back_on_reset_and_keeps_working()
    {
        using var buffer = new RpcBufferWriter(16);
        buffer.Write(new byte[1_000_000]);

        buffer.Reset(maxRetained: 64 * 1024);
        buffer.Write("x"u8);

        Assert.Equal(1, buffer.WrittenCount);
        Assert.True(buffer.GetMemory().Length < 1_000_000);
    }

    [Fact]
    public void Refuses_use_after_dispose()
    {
        var buffer = new RpcBufferWriter(16);
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan(32));
    }
}
