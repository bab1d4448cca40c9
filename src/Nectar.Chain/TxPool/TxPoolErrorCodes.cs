namespace Nectar.Chain.TxPool;

/// <summary>The JSON-RPC error codes the RPC layer answers pool refusals with (see <see cref="TxPoolResult.RpcErrorCode"/>).</summary>
public static class TxPoolErrorCodes
{
    /// <summary>
    /// The code go-ethereum uses for every pool refusal. Clients recognise the refusal by the message text, not by
    /// this code, so every error with a go-ethereum counterpart uses it.
    /// </summary>
    public const int ServerError = -32000;

    /// <summary>
    /// "sender not admitted": Nectar's own refusal, in Nectar's range (-32090 to -32099). It is a code no client
    /// interprets (unlike 3, which means a revert, or -32603, which some clients hide behind a generic text), so
    /// ethers, viem and cast all show the message as sent.
    /// </summary>
    public const int SenderNotAdmitted = -32095;
}
