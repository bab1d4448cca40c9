namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>A fixture's result for one fork: an exception name, or the hash and sender of a valid transaction.</summary>
internal sealed record TransactionTestExpectation(string? Exception, string? Hash, string? Sender, string? IntrinsicGas)
{
    public bool IsValid => Exception is null;
}
