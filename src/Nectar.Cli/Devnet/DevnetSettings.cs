using Microsoft.Extensions.Logging;

namespace Nectar.Cli.Devnet;

/// <summary>The options of <c>nectar devnet</c>.</summary>
public sealed record DevnetSettings
{
    /// <summary>Where the chain is kept; <see langword="null"/> for a fresh temporary folder deleted at exit.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The address the RPC endpoint listens on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The RPC port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8545;

    /// <summary>Where to write the info JSON once the node is ready; <see langword="null"/> for none.</summary>
    public string? InfoFile { get; init; }

    /// <summary>The sequencer's collection window: how long after the first transaction a block is sealed.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Empty blocks after this much quiet; zero (the default, as anvil) never produces empty blocks.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.Zero;

    /// <summary>How long the printed tokens stay valid when unused (and at most in all).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The log level (logs go to standard error).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
