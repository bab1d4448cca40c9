using System.CommandLine;

namespace Nectar.Cli.Evm;

/// <summary>The <c>nectar evm</c> command group: tools around the execution layer.</summary>
public static class EvmCommand
{
    /// <summary>Creates the <c>evm</c> command with its subcommands.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("evm", "Execution-layer tools.");
        command.Subcommands.Add(StateTestCommand.Create());
        command.Subcommands.Add(BlockTestCommand.Create());
        return command;
    }
}
