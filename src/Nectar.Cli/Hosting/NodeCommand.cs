using System.CommandLine;
using Nectar.Node.Configuration;
using Nectar.Node.Hosting;

namespace Nectar.Cli.Hosting;

/// <summary>
/// <c>nectar node --config FILE</c>: the production entry point. Reads and validates the configuration (every problem
/// printed with its path, exit status 2), starts the node with structured logs, serves until SIGTERM or SIGINT, then
/// stops gracefully (exit status 0).
/// </summary>
public static class NodeCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The node's JSON configuration file (see docs/guides/operator.md).",
            Required = true,
        };
        var command = new Command("node", "Run a Nectar node from a configuration file until SIGTERM or SIGINT.");
        command.Options.Add(config);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(config)!, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs a node from a configuration file until cancelled.</summary>
    /// <param name="configPath">The configuration file.</param>
    /// <param name="error">Where configuration and start-up errors go (logs go to standard error as well).</param>
    /// <param name="cancellationToken">Cancelled by SIGINT or SIGTERM.</param>
    /// <returns>0 after a graceful stop, 1 when the node could not start, 2 for an invalid configuration.</returns>
    public static async Task<int> RunAsync(string configPath, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(error);
        NodeOptions options;
        try
        {
            options = NodeOptions.Load(configPath);
        }
        catch (NodeOptionsException exception)
        {
            await NodeRunner.WriteProblemsAsync(error, $"invalid configuration {configPath}", exception.Problems).ConfigureAwait(false);
            return NodeRunner.InvalidConfiguration;
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            await NodeRunner.WriteProblemsAsync(error, $"invalid configuration {configPath}", problems).ConfigureAwait(false);
            return NodeRunner.InvalidConfiguration;
        }

        using var loggerFactory = NodeLogging.CreateFactory(options.Logging);
        var (node, exitCode) = await NodeRunner.TryStartAsync(options, loggerFactory, error, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return exitCode;
        }

        await NodeRunner.RunUntilStoppedAsync(node, cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
