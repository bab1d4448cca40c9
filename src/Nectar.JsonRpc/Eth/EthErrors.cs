using System.Globalization;

namespace Nectar.JsonRpc.Eth;

/// <summary>The error texts of the eth and debug modules, worded as go-ethereum words them where it has a word.</summary>
internal static class EthErrors
{
    public const string HeaderNotFound = "header not found";
    public const string HeaderForHashNotFound = "header for hash not found";
    public const string TransactionNotFound = "transaction not found";
    public const string FromNotCaller = "from must be the authenticated account";
    public const string SenderNotCaller = "transaction sender must be the authenticated account";
    public const string StateOverridesUnsupported = "state overrides are not supported";
    public const string BlobsUnsupported = "blob transactions are not supported";
    public const string DataAndInputDiffer = "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data";

    public static string StateUnavailable(ulong number) =>
        string.Create(CultureInfo.InvariantCulture, $"historical state for block {number} is not available");

    public static string ChainIdMismatch(string have, ulong want) =>
        string.Create(CultureInfo.InvariantCulture, $"chainId does not match node's (have={have}, want={want})");
}
