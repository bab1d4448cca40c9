using System.Text;
using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class PersonalMessageTests
{
    [Theory]
    [InlineData("hello world", "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68")]
    [InlineData("hello_world", "0xd52de6e039c023a7c77752126e4d9d99e2a7dacea3d19e97e9c2ebcb3ecf1c00")]
    public void Hashes_as_personal_sign_does(string message, string expected)
    {
        Assert.Equal(expected, PersonalMessage.Hash(message).ToString());
        Assert.Equal(expected, PersonalMessage.Hash(Encoding.UTF8.GetBytes(message)).ToString());
    }

    [Fact]
    public void Prefixes_the_decimal_byte_length_not_the_character_count()
    {
        // "é" is one character but two UTF-8 bytes: the prefix must say 2.
        var expected = Nectar.Core.Hashing.Keccak256.Compute([.. "\u0019Ethereum Signed Message:\n2"u8, 0xC3, 0xA9]);

        Assert.Equal(expected, PersonalMessage.Hash("é"));
        Assert.NotEqual(expected, PersonalMessage.Hash("e"));
    }

    [Fact]
    public void Hashes_messages_longer_than_one_keccak_block()
    {
        var message = new string('a', 1000);
        var expected = Nectar.Core.Hashing.Keccak256.Compute(Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n1000" + message));

        Assert.Equal(expected, PersonalMessage.Hash(message));
    }
}
