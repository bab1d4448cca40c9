using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Nectar.Node.Configuration;

namespace Nectar.Node.Hosting;

/// <summary>
/// The node's console logging: one JSON object per line for <c>nectar node</c> (log collectors parse it), short
/// single lines for the devnet. The node logs block numbers, hashes, counts, session ids and timings; never tokens,
/// keys or transaction payloads.
/// </summary>
public static class NodeLogging
{
    /// <summary>Creates a logger factory writing to standard error in the configured format and level.</summary>
    /// <param name="options">The logging options.</param>
    /// <returns>The factory; dispose it after the node to flush the last lines.</returns>
    public static ILoggerFactory CreateFactory(NodeLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(options.Level);

            // Host and transport internals speak up only for problems; their request lines would carry URLs.
            builder.AddFilter("Microsoft", LogLevel.Warning);
            builder.AddFilter("System", LogLevel.Warning);
            builder.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            if (options.Format == LogFormat.Json)
            {
                builder.AddJsonConsole(json =>
                {
                    json.IncludeScopes = false;
                    json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK";
                    json.UseUtcTimestamp = true;
                });
            }
            else
            {
                builder.AddSimpleConsole(simple =>
                {
                    simple.SingleLine = true;
                    simple.IncludeScopes = false;
                    simple.TimestampFormat = "HH:mm:ss.fff ";
                    simple.ColorBehavior = LoggerColorBehavior.Disabled;
                });
            }
        });
    }
}
