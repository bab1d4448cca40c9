namespace Nectar.Evm.Instructions;

/// <summary>A compile-time integer for generic handlers: the JIT specialises each instantiation on its value.</summary>
internal interface IConstant
{
    static abstract int Value { get; }
}

#pragma warning disable SA1649, SA1402, CA1812 // a family of marker types belongs together
internal readonly struct C0 : IConstant { public static int Value => 0; }
internal readonly struct C1 : IConstant { public static int Value => 1; }
internal readonly struct C2 : IConstant { public static int Value => 2; }
internal readonly struct C3 : IConstant { public static int Value => 3; }
internal readonly struct C4 : IConstant { public static int Value => 4; }
internal readonly struct C5 : IConstant { public static int Value => 5; }
internal readonly struct C6 : IConstant { public static int Value => 6; }
internal readonly struct C7 : IConstant { public static int Value => 7; }
internal readonly struct C8 : IConstant { public static int Value => 8; }
internal readonly struct C9 : IConstant { public static int Value => 9; }
internal readonly struct C10 : IConstant { public static int Value => 10; }
internal readonly struct C11 : IConstant { public static int Value => 11; }
internal readonly struct C12 : IConstant { public static int Value => 12; }
internal readonly struct C13 : IConstant { public static int Value => 13; }
internal readonly struct C14 : IConstant { public static int Value => 14; }
internal readonly struct C15 : IConstant { public static int Value => 15; }
internal readonly struct C16 : IConstant { public static int Value => 16; }
internal readonly struct C17 : IConstant { public static int Value => 17; }
internal readonly struct C18 : IConstant { public static int Value => 18; }
internal readonly struct C19 : IConstant { public static int Value => 19; }
internal readonly struct C20 : IConstant { public static int Value => 20; }
internal readonly struct C21 : IConstant { public static int Value => 21; }
internal readonly struct C22 : IConstant { public static int Value => 22; }
internal readonly struct C23 : IConstant { public static int Value => 23; }
internal readonly struct C24 : IConstant { public static int Value => 24; }
internal readonly struct C25 : IConstant { public static int Value => 25; }
internal readonly struct C26 : IConstant { public static int Value => 26; }
internal readonly struct C27 : IConstant { public static int Value => 27; }
internal readonly struct C28 : IConstant { public static int Value => 28; }
internal readonly struct C29 : IConstant { public static int Value => 29; }
internal readonly struct C30 : IConstant { public static int Value => 30; }
internal readonly struct C31 : IConstant { public static int Value => 31; }
internal readonly struct C32 : IConstant { public static int Value => 32; }
#pragma warning restore SA1649, SA1402, CA1812
