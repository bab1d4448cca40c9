using Microsoft.Extensions.Logging;

namespace Nectar.Node.Configuration;

/// <summary>The <c>logging</c> section: how much is logged and in which form. Logs never carry tokens, keys or transaction payloads.</summary>
public sealed class NodeLoggingOptions
{
    /// <summary>The least severe level written (<c>trace</c> … <c>critical</c>, <c>none</c>). Default <c>information</c>.</summary>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>The line format. Default <see cref="LogFormat.Json"/>.</summary>
    public LogFormat Format { get; set; } = LogFormat.Json;
}
