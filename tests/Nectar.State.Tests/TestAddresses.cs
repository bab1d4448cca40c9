using Nectar.Core.Primitives;

namespace Nectar.State.Tests;

internal static class TestAddresses
{
    public static readonly Address Alice = Make(0xA1);
    public static readonly Address Bob = Make(0xB0);
    public static readonly Address Carol = Make(0xC0);
    public static readonly Address Ripemd = Make(0x03);

    public static Address Make(byte last)
    {
        var bytes = new byte[Address.Length];
        bytes[^1] = last;
        bytes[0] = last == 0x03 ? (byte)0 : (byte)0x10;
        return new Address(bytes);
    }
}
