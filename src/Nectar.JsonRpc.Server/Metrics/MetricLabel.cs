namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>One label of a sample. Values must come from a small fixed set (never an address, a hash or a token).</summary>
/// <param name="Name">The label's name: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>.</param>
/// <param name="Value">The label's value; escaped when written.</param>
public readonly record struct MetricLabel(string Name, string Value);
