namespace Nectar.JsonRpc.Dispatch;

/// <summary>A registered JSON-RPC method: its wire name, description, access and parameters.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Description">What it does.</param>
/// <param name="IsPublic">Whether it answers without a bearer token.</param>
/// <param name="ModuleInterface">The module interface that declares it.</param>
/// <param name="Parameters">The wire parameters in positional order.</param>
/// <param name="ResultType">The CLR type of the result, or <see langword="null"/> when the result is JSON null.</param>
public sealed record RpcMethodDescriptor(
    string Name,
    string Description,
    bool IsPublic,
    Type ModuleInterface,
    IReadOnlyList<RpcParameterDescriptor> Parameters,
    Type? ResultType);
