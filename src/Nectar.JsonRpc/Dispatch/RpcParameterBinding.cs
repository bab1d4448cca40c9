using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// How one wire parameter binds, fixed at start-up: its position, name, source-generated metadata and default. The
/// compiled invoker calls <see cref="Bind"/> with this object as a constant, so a call does no reflection.
/// </summary>
internal sealed class RpcParameterBinding<T>
{
    private readonly string _label;

    public RpcParameterBinding(int index, string name, JsonTypeInfo<T> typeInfo, bool isOptional, T defaultValue, bool allowsNull)
    {
        Index = index;
        Name = name;
        TypeInfo = typeInfo;
        IsOptional = isOptional;
        DefaultValue = defaultValue;
        AllowsNull = allowsNull;
        _label = $"argument {index} ({name})";
    }

    public int Index { get; }

    public string Name { get; }

    public JsonTypeInfo<T> TypeInfo { get; }

    public bool IsOptional { get; }

    public T DefaultValue { get; }

    public bool AllowsNull { get; }

    /// <summary>Reads the parameter from the request, applying optionality; invalid input is an invalid-params error.</summary>
    public static T Bind(RpcParams parameters, RpcParameterBinding<T> binding)
    {
        var value = parameters.Get(binding.Index);
        if (value.IsEmpty || (binding.IsOptional && value.SequenceEqual("null"u8)))
        {
            return binding.IsOptional
                ? binding.DefaultValue
                : throw new RpcException(RpcErrorCodes.InvalidParams, $"missing value for required {binding._label}");
        }

        T? result;
        try
        {
            result = JsonSerializer.Deserialize(value, binding.TypeInfo);
        }
        catch (JsonException e)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid {binding._label}: {Describe(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid {binding._label}: value has the wrong shape");
        }

        if (result is null && !binding.AllowsNull)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid {binding._label}: must not be null");
        }

        return result!;
    }

    /// <summary>
    /// The converters' own messages are fixed texts; the serializer's messages name the .NET type and the JSON path,
    /// which is useful to the caller and reveals nothing about the node.
    /// </summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" | LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
