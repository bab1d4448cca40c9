using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Tests.Json;

public sealed class DtoContextSpecs
{
    [Fact]
    public void Serializes_a_module_dto_with_ethereum_members_through_its_own_context()
    {
        var options = RpcDispatcherBuilder.CreateSerializerOptions([SampleDtoContext.Default], RpcLimits.Default);
        var dto = new SampleDto { From = Address.Parse("0x00000000000000000000000000000000000000aa"), Value = 26, Nonce = 1, Input = [1, 2] };

        var json = JsonSerializer.Serialize(dto, options);

        Assert.Equal("""{"from":"0x00000000000000000000000000000000000000aa","value":"0x1a","nonce":"0x1","input":"0x0102","to":null}""", json);
        var back = JsonSerializer.Deserialize<SampleDto>(json, options)!;
        Assert.Equal(dto.From, back.From);
        Assert.Equal(dto.Value, back.Value);
    }
}

public sealed class SampleDto
{
    [JsonConverter(typeof(AddressConverter))]
    public Address From { get; set; }

    public UInt256 Value { get; set; }

    public ulong Nonce { get; set; }

    public byte[] Input { get; set; } = [];

    public Address? To { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SampleDto))]
public sealed partial class SampleDtoContext : JsonSerializerContext;
