namespace Nectar.Db.RocksDb.Tests;

/// <summary>Tests that measure process-wide resources run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;
