using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Compiles one delegate per method at start-up: parameter binding through source-generated metadata, the interface
/// call, and the result adapter for its return shape. Calls then run the compiled code; reflection is used only here.
/// </summary>
internal static class InvokerFactory
{
    private static readonly MethodInfo FromValueMethod = Adapter(nameof(RpcResultAdapters.FromValue), generic: true);
    private static readonly MethodInfo FromVoidMethod = Adapter(nameof(RpcResultAdapters.FromVoid), generic: false);
    private static readonly MethodInfo FromTaskOfMethod = Adapter(nameof(RpcResultAdapters.FromTask), generic: true);
    private static readonly MethodInfo FromTaskMethod = Adapter(nameof(RpcResultAdapters.FromTask), generic: false);
    private static readonly MethodInfo FromValueTaskOfMethod = Adapter(nameof(RpcResultAdapters.FromValueTask), generic: true);
    private static readonly MethodInfo FromValueTaskMethod = Adapter(nameof(RpcResultAdapters.FromValueTask), generic: false);

    public static RpcMethod Create(string name, JsonRpcMethodAttribute attribute, Type moduleInterface, MethodInfo method, object module, JsonSerializerOptions options)
    {
        var where = $"{moduleInterface.Name}.{method.Name} ({name})";
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"{where}: generic methods cannot be JSON-RPC methods.");
        }

        var moduleParameter = Expression.Parameter(typeof(object), "module");
        var paramsParameter = Expression.Parameter(typeof(RpcParams), "parameters");
        var contextParameter = Expression.Parameter(typeof(RpcCallContext), "context");
        var writerParameter = Expression.Parameter(typeof(RpcResponseWriter), "writer");

        var nullability = new NullabilityInfoContext();
        var wire = new List<RpcParameterDescriptor>();
        var arguments = new List<Expression>();
        foreach (var parameter in method.GetParameters())
        {
            var type = parameter.ParameterType;
            if (type.IsByRef || parameter.IsOut)
            {
                throw new InvalidOperationException($"{where}: ref and out parameters are not supported.");
            }

            if (type == typeof(RpcCallContext))
            {
                arguments.Add(contextParameter);
                continue;
            }

            if (type == typeof(CancellationToken))
            {
                arguments.Add(Expression.Property(contextParameter, nameof(RpcCallContext.CancellationToken)));
                continue;
            }

            var index = wire.Count;
            if (index >= RpcParams.MaxParameters)
            {
                throw new InvalidOperationException($"{where}: more than {RpcParams.MaxParameters} parameters.");
            }

            var optional = parameter.HasDefaultValue;
            if (!optional && wire.Count > 0 && wire[^1].IsOptional)
            {
                throw new InvalidOperationException($"{where}: required parameter {parameter.Name} follows an optional one.");
            }

            var parameterName = parameter.Name ?? $"arg{index}";
            wire.Add(new RpcParameterDescriptor(parameterName, index, type, optional));
            var allowsNull = type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : nullability.Create(parameter).ReadState != NullabilityState.NotNull;
            var defaultValue = optional && parameter.DefaultValue is not null ? parameter.DefaultValue : (type.IsValueType ? Activator.CreateInstance(type) : null);
            var bindingType = typeof(RpcParameterBinding<>).MakeGenericType(type);
            var binding = Activator.CreateInstance(bindingType, index, parameterName, TypeInfo(options, type, where), optional, defaultValue, allowsNull)!;
            arguments.Add(Expression.Call(bindingType.GetMethod(nameof(RpcParameterBinding<int>.Bind))!, paramsParameter, Expression.Constant(binding, bindingType)));
        }

        var call = Expression.Call(Expression.Convert(moduleParameter, moduleInterface), method, arguments);
        var (body, resultType) = Complete(call, method.ReturnType, writerParameter, options, where);
        var invoker = Expression.Lambda<RpcInvoker>(body, moduleParameter, paramsParameter, contextParameter, writerParameter).Compile();
        var descriptor = new RpcMethodDescriptor(name, attribute.Description, attribute.IsPublic, moduleInterface, wire, resultType);
        return new RpcMethod(descriptor, module, invoker);
    }

    private static (Expression Body, Type? ResultType) Complete(Expression call, Type returnType, ParameterExpression writer, JsonSerializerOptions options, string where)
    {
        if (returnType == typeof(void))
        {
            return (Expression.Block(call, Expression.Call(FromVoidMethod, writer)), null);
        }

        if (returnType == typeof(Task))
        {
            return (Expression.Call(FromTaskMethod, call, writer), null);
        }

        if (returnType == typeof(ValueTask))
        {
            return (Expression.Call(FromValueTaskMethod, call, writer), null);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetGenericArguments()[0];
            return (Expression.Call(FromTaskOfMethod.MakeGenericMethod(result), call, writer, TypeInfoConstant(options, result, where)), result);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var result = returnType.GetGenericArguments()[0];
            return (Expression.Call(FromValueTaskOfMethod.MakeGenericMethod(result), call, writer, TypeInfoConstant(options, result, where)), result);
        }

        return (Expression.Call(FromValueMethod.MakeGenericMethod(returnType), call, writer, TypeInfoConstant(options, returnType, where)), returnType);
    }

    private static ConstantExpression TypeInfoConstant(JsonSerializerOptions options, Type type, string where) =>
        Expression.Constant(TypeInfo(options, type, where), typeof(JsonTypeInfo<>).MakeGenericType(type));

    private static JsonTypeInfo TypeInfo(JsonSerializerOptions options, Type type, string where)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{where}: type {type} has no source-generated JSON metadata; add it to a JsonSerializerContext passed to AddTypeInfoResolver.", e);
        }
    }

    private static MethodInfo Adapter(string name, bool generic) =>
        typeof(RpcResultAdapters).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition == generic);
}
