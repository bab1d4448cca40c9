using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Db;
using Nectar.Node;
using Nectar.Node.Configuration;

namespace Nectar.Cli.Hosting;

/// <summary>Starts a node for a command, reports start-up failures in one line, and stops it when the command is cancelled (SIGINT, SIGTERM).</summary>
public static class NodeRunner
{
    /// <summary>Exit status of a command whose configuration is invalid.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>Exit status of a node that could not start.</summary>
    public const int StartFailed = 1;

    /// <summary>Starts a node, or writes why it cannot start.</summary>
    /// <param name="options">The options (validated by the node).</param>
    /// <param name="loggerFactory">Where the node logs.</param>
    /// <param name="error">Where the reason goes.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The node, or the exit status when it did not start (0 when stopped by <paramref name="cancellationToken"/> during start-up).</returns>
    public static async Task<(NectarNode? Node, int ExitCode)> TryStartAsync(NodeOptions options, ILoggerFactory loggerFactory, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return (await NectarNode.StartAsync(options, loggerFactory, cancellationToken).ConfigureAwait(false), 0);
        }
        catch (NodeOptionsException exception)
        {
            await WriteProblemsAsync(error, "invalid configuration", exception.Problems).ConfigureAwait(false);
            return (null, InvalidConfiguration);
        }
        catch (Exception exception) when (exception is ChainSpecException or ChainStoreException or StorageException or IOException
            or UnauthorizedAccessException or CryptographicException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: the node could not start: {exception.Message}").ConfigureAwait(false);
            return (null, StartFailed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A stop signal during start-up: everything opened is closed again, and stopping is not a failure.
            return (null, 0);
        }
    }

    /// <summary>Waits until the command is cancelled (a stop signal) or the node stops by itself, then stops it gracefully.</summary>
    /// <param name="node">The node.</param>
    /// <param name="cancellationToken">The command's token.</param>
    /// <returns>Completes when the node has stopped.</returns>
    public static async Task RunUntilStoppedAsync(NectarNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => signalled.TrySetResult()))
        {
            await Task.WhenAny(signalled.Task, node.Stopped).ConfigureAwait(false);
        }

        await node.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Writes a heading and one indented line per problem.</summary>
    /// <param name="error">The writer.</param>
    /// <param name="heading">What is wrong.</param>
    /// <param name="problems">The problems.</param>
    /// <returns>Completes when written.</returns>
    public static async Task WriteProblemsAsync(TextWriter error, string heading, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(problems);
        await error.WriteLineAsync($"error: {heading}").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }
    }
}
