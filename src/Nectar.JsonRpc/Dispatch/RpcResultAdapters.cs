using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Turns each return shape a module method may have (a value, <see cref="Task"/>, <see cref="ValueTask"/>, with or
/// without a result) into a written response; the invoker compiled for a method calls exactly one of these.
/// Synchronous completion writes at once and allocates nothing.
/// </summary>
internal static class RpcResultAdapters
{
    public static ValueTask FromValue<T>(T value, RpcResponseWriter writer, JsonTypeInfo<T> typeInfo)
    {
        writer.WriteResult(value, typeInfo);
        return default;
    }

    public static ValueTask FromVoid(RpcResponseWriter writer)
    {
        writer.WriteNullResult();
        return default;
    }

    public static ValueTask FromTask<T>(Task<T> task, RpcResponseWriter writer, JsonTypeInfo<T> typeInfo)
    {
        if (task.IsCompletedSuccessfully)
        {
            writer.WriteResult(task.Result, typeInfo);
            return default;
        }

        return Await(task, writer, typeInfo);

        static async ValueTask Await(Task<T> task, RpcResponseWriter writer, JsonTypeInfo<T> typeInfo) =>
            writer.WriteResult(await task.ConfigureAwait(false), typeInfo);
    }

    public static ValueTask FromValueTask<T>(ValueTask<T> task, RpcResponseWriter writer, JsonTypeInfo<T> typeInfo)
    {
        if (task.IsCompletedSuccessfully)
        {
            writer.WriteResult(task.Result, typeInfo);
            return default;
        }

        return Await(task, writer, typeInfo);

        static async ValueTask Await(ValueTask<T> task, RpcResponseWriter writer, JsonTypeInfo<T> typeInfo) =>
            writer.WriteResult(await task.ConfigureAwait(false), typeInfo);
    }

    public static ValueTask FromTask(Task task, RpcResponseWriter writer)
    {
        if (task.IsCompletedSuccessfully)
        {
            writer.WriteNullResult();
            return default;
        }

        return Await(task, writer);

        static async ValueTask Await(Task task, RpcResponseWriter writer)
        {
            await task.ConfigureAwait(false);
            writer.WriteNullResult();
        }
    }

    public static ValueTask FromValueTask(ValueTask task, RpcResponseWriter writer)
    {
        if (task.IsCompletedSuccessfully)
        {
            writer.WriteNullResult();
            return default;
        }

        return Await(task, writer);

        static async ValueTask Await(ValueTask task, RpcResponseWriter writer)
        {
            await task.ConfigureAwait(false);
            writer.WriteNullResult();
        }
    }
}
