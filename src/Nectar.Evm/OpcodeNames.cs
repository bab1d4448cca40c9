namespace Nectar.Evm;

/// <summary>Mnemonics of the instructions, as tracers print them.</summary>
public static class OpcodeNames
{
    private static readonly string[] Names = Build();

    /// <summary>The mnemonic of an opcode, or <c>opcode 0x.. not defined</c> for an unassigned byte.</summary>
    /// <param name="opcode">The byte.</param>
    /// <returns>The name.</returns>
    public static string Of(byte opcode) => Names[opcode];

    private static string[] Build()
    {
        var names = new string[256];
        for (var i = 0; i < 256; i++)
        {
            names[i] = Enum.IsDefined((Opcode)i) ? ((Opcode)i).ToString() : $"opcode 0x{i:x} not defined";
        }

        return names;
    }
}
