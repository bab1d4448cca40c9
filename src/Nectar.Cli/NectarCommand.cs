using System.CommandLine;
using Nectar.Cli.Accounts;
using Nectar.Cli.Devnet;
using Nectar.Cli.Evm;
using Nectar.Cli.Hosting;
using Nectar.Cli.Login;

namespace Nectar.Cli;

/// <summary>Builds the <c>nectar</c> command tree; kept out of Program.cs so tests can invoke it in-process.</summary>
public static class NectarCommand
{
    /// <summary>Creates the root command with every subcommand attached.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Nectar: a privacy-preserving, HIPAA-compliant Ethereum Layer 2 for healthcare data.");
        root.Subcommands.Add(DevnetCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(AccountCommand.Create());
        root.Subcommands.Add(EvmCommand.Create());
        root.Subcommands.Add(LoginCommand.Create());
        return root;
    }
}
