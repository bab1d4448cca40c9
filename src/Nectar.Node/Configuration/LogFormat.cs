namespace Nectar.Node.Configuration;

/// <summary>How log lines are written to the console.</summary>
public enum LogFormat
{
    /// <summary>One JSON object per line (timestamp, level, category, message, structured state): for log collectors.</summary>
    Json = 0,

    /// <summary>Short human-readable lines: for a developer's terminal.</summary>
    Simple = 1,
}
