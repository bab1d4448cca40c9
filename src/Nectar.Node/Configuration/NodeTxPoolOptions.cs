namespace Nectar.Node.Configuration;

/// <summary>The <c>txPool</c> section: how many pending transactions the node keeps.</summary>
public sealed class NodeTxPoolOptions
{
    /// <summary>The most pooled transactions. Default 16,384.</summary>
    public int Capacity { get; set; } = 16_384;

    /// <summary>The most pooled transactions of one sender. Default 64.</summary>
    public int PerSenderLimit { get; set; } = 64;
}
