using Nectar.Contracts.Abi;

namespace Nectar.Contracts.Tests.Abi;

public sealed class ContractAbiTests
{
    [Fact]
    public void Parses_functions_with_struct_outputs_from_the_registry_abi()
    {
        var abi = ContractArtifacts.AccountRegistry.Abi;
        var memberOf = abi.GetFunction("memberOf");

        Assert.Equal("memberOf(address)", memberOf.Signature);
        Assert.Equal("((uint64,uint32,bool,uint64))", memberOf.Outputs.CanonicalName);
        Assert.Equal(StateMutability.View, memberOf.StateMutability);
        Assert.Equal("struct AccountRegistry.Member", memberOf.Outputs.Components[0].InternalType);
        Assert.Equal(["orgId", "roles", "active", "admittedAt"], memberOf.Outputs.Components[0].Type.Components.Select(c => c.Name));
        Assert.Same(memberOf, abi.GetFunction("memberOf(address)"));
        Assert.True(abi.TryGetFunction(memberOf.Selector, out var bySelector));
        Assert.Same(memberOf, bySelector);
        Assert.Null(abi.Constructor);
    }

    [Fact]
    public void Parses_events_with_indexed_parameters_and_errors()
    {
        var abi = ContractArtifacts.AccountRegistry.Abi;
        var admitted = abi.GetEvent("MemberAdmitted");
        var error = abi.GetError("AlreadyAdmitted");

        Assert.Equal("MemberAdmitted(address,uint64,uint32,address)", admitted.Signature);
        Assert.Equal(3, admitted.IndexedCount);
        Assert.Equal("(uint32)", admitted.DataParameters.CanonicalName);
        Assert.True(abi.TryGetEvent(admitted.Topic, out var byTopic));
        Assert.Same(admitted, byTopic);
        Assert.Equal("AlreadyAdmitted(address,uint64)", error.Signature);
        Assert.True(abi.TryGetError(error.Selector, out var bySelector));
        Assert.Same(error, bySelector);
    }

    [Fact]
    public void Parses_a_constructor()
    {
        var constructor = ContractArtifacts.Erc20.Abi.Constructor;

        Assert.NotNull(constructor);
        Assert.Equal("(string,string,uint256)", constructor.Inputs.CanonicalName);
    }

    [Fact]
    public void Lookups_of_missing_or_overloaded_names_say_so()
    {
        var abi = ContractAbi.Parse("""
            [
              {"type":"function","name":"f","inputs":[{"name":"a","type":"uint256"}],"outputs":[],"stateMutability":"nonpayable"},
              {"type":"function","name":"f","inputs":[{"name":"a","type":"address"}],"outputs":[],"stateMutability":"nonpayable"},
              {"type":"fallback","stateMutability":"payable"},
              {"type":"receive","stateMutability":"payable"}
            ]
            """);

        Assert.Contains("overloaded", Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("f")).Message, StringComparison.Ordinal);
        Assert.Equal("f(address)", abi.GetFunction("f(address)").Signature);
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("g"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetEvent("E"));
        Assert.True(abi.HasFallback);
        Assert.True(abi.HasReceive);
    }

    [Fact]
    public void Reads_nested_tuple_arrays_and_the_legacy_mutability_flags()
    {
        var abi = ContractAbi.Parse("""
            [
              {"name":"g","constant":true,"inputs":[],"outputs":[
                {"name":"s","type":"tuple[2][]","components":[{"name":"a","type":"uint256"},{"name":"b","type":"tuple","components":[{"name":"x","type":"bytes"}]}]}
              ]},
              {"type":"function","name":"h","payable":true,"inputs":[]}
            ]
            """);

        Assert.Equal("((uint256,(bytes))[2][])", abi.GetFunction("g").Outputs.CanonicalName);
        Assert.Equal(StateMutability.View, abi.GetFunction("g").StateMutability);
        Assert.Equal(StateMutability.Payable, abi.GetFunction("h").StateMutability);
    }

    [Theory]
    [InlineData("{}", "JSON array")]
    [InlineData("[{\"type\":\"function\"}]", "ABI entry 0: the entry has no name")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\"}]}]", "inputs[0] has no type")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint\"}]}]", "not canonical")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\"}]}]", "tuple without components")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint8\",\"indexed\":true}]}]", "indexed outside an event")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"b\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"c\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"d\",\"type\":\"uint8\",\"indexed\":true}]}]", "a log has room for 3")]
    [InlineData("[{\"type\":\"mystery\",\"name\":\"f\"}]", "unknown entry type")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"lazy\"}]", "unknown stateMutability")]
    [InlineData("[", "not valid JSON")]
    public void Malformed_abis_are_refused_naming_the_entry(string json, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ContractAbi.Parse(json)).Message, StringComparison.Ordinal);
    }
}
