namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// A method's compiled entry point: binds the parameters, calls the module and writes the result. Built once per
/// method at start-up.
/// </summary>
internal delegate ValueTask RpcInvoker(object module, RpcParams parameters, RpcCallContext context, RpcResponseWriter writer);
