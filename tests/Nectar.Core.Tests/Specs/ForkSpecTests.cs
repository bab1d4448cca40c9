using Nectar.Core.Specs;

namespace Nectar.Core.Tests.Specs;

public sealed class ForkSpecTests
{
    [Theory]
    [InlineData("Cancun", Fork.Cancun)]
    [InlineData("cancun", Fork.Cancun)]
    [InlineData("EIP150", Fork.TangerineWhistle)]
    [InlineData("EIP158", Fork.SpuriousDragon)]
    [InlineData("ConstantinopleFix", Fork.Petersburg)]
    [InlineData("Merge", Fork.Paris)]
    [InlineData("Prague", Fork.Prague)]
    public void Finds_forks_by_fixture_names(string name, Fork expected)
    {
        Assert.True(ForkSpec.TryGet(name, out var spec));
        Assert.Equal(expected, spec.Fork);
    }

    [Fact]
    public void Rejects_unknown_fork_names()
    {
        Assert.False(ForkSpec.TryGet("Osaka2", out var spec));
        Assert.Null(spec);
    }

    [Fact]
    public void Later_forks_keep_earlier_rules_and_add_their_own()
    {
        var shanghai = ForkSpec.For(Fork.Shanghai);
        var cancun = ForkSpec.For(Fork.Cancun);
        var prague = ForkSpec.For(Fork.Prague);

        Assert.True(shanghai.IsEip3855Enabled);
        Assert.False(shanghai.IsEip1153Enabled);
        Assert.True(cancun.IsEip1153Enabled && cancun.IsEip3855Enabled && cancun.IsEip2929Enabled);
        Assert.False(cancun.IsEip7702Enabled);
        Assert.True(prague.IsEip7702Enabled && prague.IsEip7623Enabled && prague.IsEip2935Enabled);
    }

    [Fact]
    public void Eip1283_is_active_only_in_Constantinople()
    {
        Assert.True(ForkSpec.For(Fork.Constantinople).IsEip1283Enabled);
        Assert.False(ForkSpec.For(Fork.Petersburg).IsEip1283Enabled);
        Assert.False(ForkSpec.For(Fork.Byzantium).IsEip1283Enabled);
    }

    [Fact]
    public void Blob_parameters_follow_EIP_7691_from_Prague()
    {
        Assert.Equal((3, 6, 3_338_477UL), (ForkSpec.For(Fork.Cancun).TargetBlobsPerBlock, ForkSpec.For(Fork.Cancun).MaxBlobsPerBlock, ForkSpec.For(Fork.Cancun).BlobBaseFeeUpdateFraction));
        Assert.Equal((6, 9, 5_007_716UL), (ForkSpec.For(Fork.Prague).TargetBlobsPerBlock, ForkSpec.For(Fork.Prague).MaxBlobsPerBlock, ForkSpec.For(Fork.Prague).BlobBaseFeeUpdateFraction));
    }

    [Fact]
    public void Code_size_limits_apply_from_their_forks()
    {
        Assert.Equal(int.MaxValue, ForkSpec.For(Fork.Homestead).MaxCodeSize);
        Assert.Equal(24_576, ForkSpec.For(Fork.SpuriousDragon).MaxCodeSize);
        Assert.Equal(int.MaxValue, ForkSpec.For(Fork.Paris).MaxInitCodeSize);
        Assert.Equal(49_152, ForkSpec.For(Fork.Shanghai).MaxInitCodeSize);
    }
}
