using System.Globalization;
using System.Text;
using System.Text.Json;
using Nectar.Chain.Reading;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Dev;

/// <summary>
/// The development methods over <see cref="IDevChainControls"/>. Parameters are read the way anvil reads them: JSON
/// numbers or hex quantities. Register it only when the node runs as a development network.
/// </summary>
public sealed class DevRpcModule : IDevRpcModule
{
    private readonly IDevChainControls _controls;
    private readonly IChainReader _chain;
    private readonly DevRpcOptions _options;

    /// <summary>Creates the module.</summary>
    /// <param name="controls">The sequencer's development controls.</param>
    /// <param name="chain">The stored chain (timestamps are checked against its head).</param>
    /// <param name="options">Bounds; <see cref="DevRpcOptions.Default"/> when omitted.</param>
    public DevRpcModule(IDevChainControls controls, IChainReader chain, DevRpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(chain);
        _controls = controls;
        _chain = chain;
        _options = options ?? DevRpcOptions.Default;
    }

    /// <inheritdoc />
    public async Task<string> MineAsync(JsonElement? options = null, CancellationToken cancellationToken = default)
    {
        ulong blocks = 1;
        ulong? timestamp = null;
        if (options is { ValueKind: JsonValueKind.Object } o)
        {
            foreach (var member in o.EnumerateObject())
            {
                if (member.NameEquals("timestamp"u8))
                {
                    timestamp = member.Value.ValueKind == JsonValueKind.Null ? null : ReadUInt64(member.Value, 0, "timestamp");
                }
                else if (member.NameEquals("blocks"u8))
                {
                    blocks = member.Value.ValueKind == JsonValueKind.Null ? 1 : ReadUInt64(member.Value, 0, "blocks");
                }
                else
                {
                    throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid argument 0 (options): unknown field {member.Name}, expected timestamp or blocks");
                }
            }
        }
        else if (options is { ValueKind: not JsonValueKind.Null } value)
        {
            timestamp = ReadUInt64(value, 0, "timestamp");
        }

        await MineCheckedAsync(blocks, timestamp, cancellationToken).ConfigureAwait(false);
        return "0x0";
    }

    /// <inheritdoc />
    public async Task AnvilMineAsync(JsonElement? blocks = null, JsonElement? interval = null, CancellationToken cancellationToken = default)
    {
        var count = blocks is { ValueKind: not JsonValueKind.Null } b ? ReadUInt64(b, 0, "blocks") : 1;
        if (interval is not { ValueKind: not JsonValueKind.Null } i)
        {
            await MineCheckedAsync(count, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var seconds = ReadUInt64(i, 1, "interval");
        CheckCount(count);
        for (var n = 0UL; n < count; n++)
        {
            await MineCheckedAsync(1, checked(_chain.Head.Timestamp + Math.Max(seconds, 1)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ulong Snapshot() => _controls.Snapshot();

    /// <inheritdoc />
    public bool Revert(JsonElement snapshotId) => _controls.Revert(ReadUInt64(snapshotId, 0, "id"));

    /// <inheritdoc />
    public void SetNextBlockTimestamp(JsonElement timestamp)
    {
        var value = ReadUInt64(timestamp, 0, "timestamp");
        CheckTimestamp(value);
        try
        {
            _controls.SetNextBlockTimestamp(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw TimestampError(value);
        }
    }

    /// <inheritdoc />
    public JsonElement IncreaseTime(JsonElement seconds)
    {
        var total = _controls.IncreaseTime(ReadUInt64(seconds, 0, "seconds"));
        using var document = JsonDocument.Parse(total.ToString(CultureInfo.InvariantCulture));
        return document.RootElement.Clone();
    }

    /// <summary>A non-negative integer given as a JSON number or a hex quantity string.</summary>
    internal static ulong ReadUInt64(JsonElement value, int index, string name)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetUInt64(out var number)
                ? number
                : throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid argument {index} ({name}): must be a non-negative integer below 2^64");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var error = JsonHex.TryParseUInt64(Encoding.UTF8.GetBytes(value.GetString()!), out var quantity);
            return error is null ? quantity : throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid argument {index} ({name}): {error}");
        }

        throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid argument {index} ({name}): must be a number or a hex quantity");
    }

    private async Task MineCheckedAsync(ulong count, ulong? timestamp, CancellationToken cancellationToken)
    {
        CheckCount(count);
        if (timestamp is { } value)
        {
            CheckTimestamp(value);
        }

        try
        {
            await _controls.MineAsync(count, timestamp, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException) when (timestamp is not null)
        {
            throw TimestampError(timestamp.Value);
        }
    }

    private void CheckCount(ulong count)
    {
        if (count == 0 || count > _options.MaxBlocksPerCall)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid block count {count}: between 1 and {_options.MaxBlocksPerCall} blocks per call");
        }
    }

    private void CheckTimestamp(ulong timestamp)
    {
        if (timestamp <= _chain.Head.Timestamp)
        {
            throw TimestampError(timestamp);
        }
    }

    private static RpcException TimestampError(ulong timestamp) =>
        new(RpcErrorCodes.InvalidParams, $"Timestamp error: {timestamp} is lower than or equal to previous block's timestamp");
}
