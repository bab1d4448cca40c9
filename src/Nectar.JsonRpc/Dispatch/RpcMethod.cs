using System.Text;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>A dispatch-table entry: the descriptor, the module instance and the compiled invoker.</summary>
internal sealed class RpcMethod
{
    public RpcMethod(RpcMethodDescriptor descriptor, object module, RpcInvoker invoker)
    {
        Descriptor = descriptor;
        Module = module;
        Invoker = invoker;
        ParameterNamesUtf8 = [.. descriptor.Parameters.Select(p => Encoding.UTF8.GetBytes(p.Name))];
    }

    public RpcMethodDescriptor Descriptor { get; }

    public string Name => Descriptor.Name;

    public object Module { get; }

    public RpcInvoker Invoker { get; }

    public byte[][] ParameterNamesUtf8 { get; }
}
