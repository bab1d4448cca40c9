using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Signing;

namespace Nectar.Crypto.Tests.Signing;

/// <summary>
/// Transactions signed here and cross-checked against anvil --hardfork prague (chain 31337, its first two dev
/// accounts): it accepted each raw transaction with the same hash and sender, and the set-code transaction set the
/// authority's code to 0xef0100 || 0x…aaaa with 40,269 gas used (intrinsic 50,336 less the capped refund).
/// </summary>
public sealed class ReferenceClientVectorTests
{
    private const string SetCode = "0x04f9010a827a6980843b9aca008502540be400830186a094000000000000000000000000000000000000bbbb8083010200f838f794000000000000000000000000000000000000cccce1a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421f85ef85c827a6994000000000000000000000000000000000000aaaa8080a09cbc0f25fa5c7b75fb727f73a157dc8a6e1e2c86458057ff0e13788c44c96255a00b7aeab537e6aea49a5dcf3fb9581c917e6d2430e0f0788c1a1c7c939243ded201a0d345340faf13df75f09d977c2131888714948097db63afa6179ee5e31bef5aa9a00ee934b5047309594dfcfd0da6be0948f62d2f6f07d2d42aa3c8fb2c5921f18a";
    private const string SetCodeHash = "0x8210c333ae24b19750f5b22e715d7954067d2a17fba0dc14869a20c7a6655cb0";
    private const string Legacy = "0xf866018502540be40082520894000000000000000000000000000000000000bbbb058082f4f5a0e121e47e8fbfdaf258d11a615bb90d8963fc9943ddc07f13f11f0704d5f38d8ba06312484b2e36cedb4c98634a03585cbee61163bf61f3c83d9d52c8ec1252f9aa";
    private const string LegacyHash = "0x5ada3a811827948815de3801446985fa4ab00a102f1d0fb658a07be0de5598e8";
    private const string AccessList = "0x01f87f827a69028502540be40082753094000000000000000000000000000000000000bbbb8080d7d6940000000000000000000000000000000000000000c080a07f986a35ff98cfa81044f2b0a1bed225a4ae4cb26344f58f415bafc78e08c3b9a04f79d23e276cf5930b8d451e5ded92c0df93b590f265cbda2b6a0aae4a0127d3";
    private const string AccessListHash = "0xa0e701bc2c14f4cbf9fe399a42febcacaa124b0e4d083e517030d74de4e72822";

    private static readonly byte[] SenderKey = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly byte[] AuthorityKey = Hex.Decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static readonly Address Sender = Address.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    private static readonly Address Authority = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    private static readonly Address Delegate = Address.Parse("0x000000000000000000000000000000000000aaaa");
    private static readonly Address Recipient = Address.Parse("0x000000000000000000000000000000000000bbbb");

    private readonly TransactionSigner _signer = new(ManagedSecp256k1.Instance);

    [Fact]
    public void Signs_the_set_code_transaction_the_reference_client_accepted()
    {
        var authorization = _signer.SignAuthorization(31337, Delegate, 0, AuthorityKey);
        var transaction = _signer.Sign(
            new Transaction
            {
                Type = TransactionType.SetCode,
                ChainId = 31337,
                MaxPriorityFeePerGas = 1_000_000_000UL,
                MaxFeePerGas = 10_000_000_000UL,
                GasLimit = 100_000,
                To = Recipient,
                Data = new byte[] { 1, 2, 0 },
                AccessList = [new AccessListItem(Address.Parse("0x000000000000000000000000000000000000cccc"), [Hash256.EmptyTrieRoot])],
                AuthorizationList = [authorization],
            },
            SenderKey);

        Assert.Equal(SetCode, Hex.ToHexString(TransactionCodec.Encode(transaction)));
        Assert.Equal(Hash256.Parse(SetCodeHash), transaction.Hash);
        Assert.Equal(50_336UL, IntrinsicGas.Calculate(transaction, ForkSpec.For(Fork.Prague)));
    }

    [Fact]
    public void Decodes_the_set_code_transaction_and_recovers_sender_and_authority()
    {
        var transaction = TransactionCodec.Decode(Hex.Decode(SetCode));
        Assert.Equal(Hash256.Parse(SetCodeHash), transaction.Hash);
        Assert.Equal(Sender, _signer.RecoverSender(transaction));
        Assert.True(TransactionValidator.Validate(transaction, ForkSpec.For(Fork.Prague), 31337).IsValid);

        var authorization = Assert.Single(transaction.AuthorizationList);
        Assert.Equal(Delegate, authorization.Address);
        Assert.True(_signer.TryRecoverAuthority(authorization, out var authority));
        Assert.Equal(Authority, authority);
    }

    [Theory]
    [InlineData(Legacy, LegacyHash)]
    [InlineData(AccessList, AccessListHash)]
    public void Decodes_the_legacy_and_access_list_transactions(string encoded, string hash)
    {
        var transaction = TransactionCodec.Decode(Hex.Decode(encoded));
        Assert.Equal(Hash256.Parse(hash), transaction.Hash);
        Assert.Equal(Sender, _signer.RecoverSender(transaction));
        Assert.Equal(encoded, Hex.ToHexString(TransactionCodec.Encode(_signer.Sign(transaction, SenderKey))));
    }
}
