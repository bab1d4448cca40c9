namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>A JSON-RPC request serialised once, to be posted repeatedly.</summary>
/// <param name="Method">The method name (for error messages).</param>
/// <param name="Body">The UTF-8 request body.</param>
internal sealed record PreparedRequest(string Method, byte[] Body);
