namespace Nectar.Chain.Genesis;

/// <summary>One problem in a chain spec: where it is (a JSON path such as <c>$.alloc["0x…"].balance</c>) and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending value, <c>$</c> for the document itself.</param>
/// <param name="Problem">What is wrong, in one sentence.</param>
public readonly record struct ChainSpecError(string Path, string Problem)
{
    /// <summary>The path and the problem.</summary>
    /// <returns>For example <c>$.genesis.gasLimit: must be at least 5000, found 1000.</c></returns>
    public override string ToString() => $"{Path}: {Problem}";
}
