using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

internal static unsafe partial class RocksDbNative
{
    [LibraryImport(Library)]
    public static partial nint rocksdb_options_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_options_destroy(nint options);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_create_if_missing(OptionsHandle options, byte value);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_create_missing_column_families(OptionsHandle options, byte value);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_increase_parallelism(OptionsHandle options, int totalThreads);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_write_buffer_size(OptionsHandle options, nuint size);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_max_total_wal_size(OptionsHandle options, ulong size);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_level_compaction_dynamic_level_bytes(OptionsHandle options, byte value);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_bytes_per_sync(OptionsHandle options, ulong bytes);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_wal_recovery_mode(OptionsHandle options, int mode);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_compression(OptionsHandle options, int compression);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_bottommost_compression(OptionsHandle options, int compression);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_keep_log_file_num(OptionsHandle options, nuint count);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_max_log_file_size(OptionsHandle options, nuint size);

    [LibraryImport(Library)]
    public static partial void rocksdb_options_set_block_based_table_factory(OptionsHandle options, BlockBasedTableOptionsHandle tableOptions);

    [LibraryImport(Library)]
    public static partial nint rocksdb_block_based_options_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_destroy(nint tableOptions);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_block_cache(BlockBasedTableOptionsHandle tableOptions, CacheHandle cache);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_no_block_cache(BlockBasedTableOptionsHandle tableOptions, byte value);

    /// <summary>Takes ownership of <paramref name="policy"/>: the table options free it.</summary>
    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_filter_policy(BlockBasedTableOptionsHandle tableOptions, nint policy);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_block_size(BlockBasedTableOptionsHandle tableOptions, nuint size);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_cache_index_and_filter_blocks(BlockBasedTableOptionsHandle tableOptions, byte value);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(BlockBasedTableOptionsHandle tableOptions, byte value);

    [LibraryImport(Library)]
    public static partial void rocksdb_block_based_options_set_format_version(BlockBasedTableOptionsHandle tableOptions, int version);

    [LibraryImport(Library)]
    public static partial nint rocksdb_filterpolicy_create_bloom_full(double bitsPerKey);

    [LibraryImport(Library)]
    public static partial nint rocksdb_cache_create_lru(nuint capacity);

    [LibraryImport(Library)]
    public static partial void rocksdb_cache_destroy(nint cache);

    [LibraryImport(Library)]
    public static partial nint rocksdb_readoptions_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_readoptions_destroy(nint readOptions);

    [LibraryImport(Library)]
    public static partial void rocksdb_readoptions_set_snapshot(nint readOptions, nint snapshot);

    /// <summary>Keeps a pointer to <paramref name="key"/>: the memory must outlive the read options and every iterator made with them.</summary>
    [LibraryImport(Library)]
    public static partial void rocksdb_readoptions_set_iterate_upper_bound(nint readOptions, byte* key, nuint keyLength);

    /// <summary>Keeps a pointer to <paramref name="key"/>, like the upper bound.</summary>
    [LibraryImport(Library)]
    public static partial void rocksdb_readoptions_set_iterate_lower_bound(nint readOptions, byte* key, nuint keyLength);

    [LibraryImport(Library)]
    public static partial nint rocksdb_writeoptions_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_writeoptions_destroy(nint writeOptions);

    [LibraryImport(Library)]
    public static partial void rocksdb_writeoptions_set_sync(WriteOptionsHandle writeOptions, byte value);

    [LibraryImport(Library)]
    public static partial nint rocksdb_flushoptions_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_flushoptions_destroy(nint flushOptions);

    [LibraryImport(Library)]
    public static partial void rocksdb_flushoptions_set_wait(FlushOptionsHandle flushOptions, byte value);
}
