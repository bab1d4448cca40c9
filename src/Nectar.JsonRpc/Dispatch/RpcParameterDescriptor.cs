namespace Nectar.JsonRpc.Dispatch;

/// <summary>A parameter as it appears on the wire.</summary>
/// <param name="Name">The parameter's name (used when a request sends named parameters).</param>
/// <param name="Position">The zero-based position in the params array.</param>
/// <param name="Type">The CLR type it binds to.</param>
/// <param name="IsOptional">Whether it may be omitted (it has a default value).</param>
public sealed record RpcParameterDescriptor(string Name, int Position, Type Type, bool IsOptional);
