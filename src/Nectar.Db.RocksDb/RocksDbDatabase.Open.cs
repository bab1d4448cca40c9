using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

public sealed partial class RocksDbDatabase
{
    // Best first; a librocksdb built without a codec rejects it when opening, and the next choice is tried.
    private static readonly (RocksDbCompression Choice, int Upper, int Bottommost)[] CompressionChoices =
    [
        (RocksDbCompression.Lz4WithZstdBottommost, RocksDbNative.Lz4Compression, RocksDbNative.ZstdCompression),
        (RocksDbCompression.Snappy, RocksDbNative.SnappyCompression, RocksDbNative.SnappyCompression),
        (RocksDbCompression.None, RocksDbNative.NoCompression, RocksDbNative.NoCompression),
    ];

    private RocksDbDatabase(string path, RocksDbCompression compression, DatabaseHandle handle, List<string> names, ColumnFamilyHandle[] families)
    {
        Path = path;
        Compression = compression;
        _handle = handle;
        _readOptions = ReadOptionsHandle.Create(snapshot: null);
        _bufferedWrites = WriteOptionsHandle.Create();
        _syncedWrites = WriteOptionsHandle.Create();
        RocksDbNative.rocksdb_writeoptions_set_sync(_syncedWrites, 1);
        _flushOptions = FlushOptionsHandle.Create();
        RocksDbNative.rocksdb_flushoptions_set_wait(_flushOptions, 1);
        _names = new ReadOnlyCollection<string>(names);
        _columns = new RocksDbColumn[names.Count];
        _byName = new Dictionary<string, RocksDbColumn>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _columns[i] = new RocksDbColumn(this, names[i], families[i], _readOptions);
            _byName.Add(names[i], _columns[i]);
        }
    }

    /// <summary>
    /// Opens (or creates) the database at <see cref="DatabaseOptions.Path"/> with its column families:
    /// the listed ones (created when missing), <see cref="DatabaseOptions.DefaultColumn"/> and every one
    /// already in the database.
    /// </summary>
    /// <param name="options">The options; <see cref="DatabaseOptions.Path"/> is required.</param>
    /// <returns>The open database.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DatabaseLockedException">The database is already open, in this process or another.</exception>
    /// <exception cref="RocksDbException">RocksDB refused to open it (missing, corrupt, unreadable); the message says why.</exception>
    public static RocksDbDatabase Open(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(requirePath: true);
        var path = System.IO.Path.GetFullPath(options.Path!);
        if (options.CreateIfMissing)
        {
            Directory.CreateDirectory(path);
        }

        for (var i = 0; ; i++)
        {
            var (choice, upper, bottommost) = CompressionChoices[i];
            try
            {
                return OpenWith(options, path, choice, upper, bottommost);
            }
            catch (RocksDbException e) when (i < CompressionChoices.Length - 1 && IsUnsupportedCompression(e))
            {
                // This librocksdb lacks the codec: try the next choice.
            }
        }
    }

    private static RocksDbDatabase OpenWith(DatabaseOptions options, string path, RocksDbCompression choice, int upper, int bottommost)
    {
        using var dbOptions = CreateOptions(options, upper, bottommost);
        var names = new List<string>(options.ResolveColumns());
        if (File.Exists(System.IO.Path.Combine(path, "CURRENT")))
        {
            foreach (var existing in ListColumnFamilies(dbOptions, path))
            {
                if (!names.Contains(existing, StringComparer.Ordinal))
                {
                    names.Add(existing);
                }
            }
        }

        var (handle, families) = OpenColumnFamilies(dbOptions, path, names);
        try
        {
            return new RocksDbDatabase(path, choice, handle, names, families);
        }
        catch
        {
            foreach (var family in families)
            {
                family.Dispose();
            }

            handle.Dispose();
            throw;
        }
    }

    private static OptionsHandle CreateOptions(DatabaseOptions options, int upperCompression, int bottommostCompression)
    {
        var dbOptions = OptionsHandle.Create();
        try
        {
            RocksDbNative.rocksdb_options_set_create_if_missing(dbOptions, options.CreateIfMissing ? (byte)1 : (byte)0);
            RocksDbNative.rocksdb_options_set_create_missing_column_families(dbOptions, 1);

            // After a crash the WAL is replayed up to its last whole record: a batch is applied entirely or not at all.
            RocksDbNative.rocksdb_options_set_wal_recovery_mode(dbOptions, RocksDbNative.PointInTimeRecovery);

            // Background flushes and compactions on every core (at least two, so a flush never waits behind a compaction).
            RocksDbNative.rocksdb_options_increase_parallelism(dbOptions, Math.Max(2, Environment.ProcessorCount));
            RocksDbNative.rocksdb_options_set_write_buffer_size(dbOptions, (nuint)options.WriteBufferSize);
            RocksDbNative.rocksdb_options_set_level_compaction_dynamic_level_bytes(dbOptions, 1);
            RocksDbNative.rocksdb_options_set_bytes_per_sync(dbOptions, 1UL << 20);
            RocksDbNative.rocksdb_options_set_compression(dbOptions, upperCompression);
            RocksDbNative.rocksdb_options_set_bottommost_compression(dbOptions, bottommostCompression);
            RocksDbNative.rocksdb_options_set_keep_log_file_num(dbOptions, 4);
            RocksDbNative.rocksdb_options_set_max_log_file_size(dbOptions, 16U << 20);

            using var table = BlockBasedTableOptionsHandle.Create();
            RocksDbNative.rocksdb_block_based_options_set_block_size(table, 16U << 10);
            RocksDbNative.rocksdb_block_based_options_set_format_version(table, 5);

            // Point reads of hashes mostly miss in all but one level: a whole-key bloom filter (10 bits per
            // key, about 1% false positives) answers those misses without reading data blocks.
            RocksDbNative.rocksdb_block_based_options_set_filter_policy(table, RocksDbNative.rocksdb_filterpolicy_create_bloom_full(10));
            if (options.BlockCacheSize > 0)
            {
                // One cache for every column family: the table factory copies these options and shares the
                // cache. Index and filter blocks live in it too, so table memory stays within the budget;
                // level-0 ones are pinned because every read consults them.
                using var cache = CacheHandle.CreateLru(options.BlockCacheSize);
                RocksDbNative.rocksdb_block_based_options_set_block_cache(table, cache);
                RocksDbNative.rocksdb_block_based_options_set_cache_index_and_filter_blocks(table, 1);
                RocksDbNative.rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(table, 1);
            }
            else
            {
                RocksDbNative.rocksdb_block_based_options_set_no_block_cache(table, 1);
            }

            RocksDbNative.rocksdb_options_set_block_based_table_factory(dbOptions, table);
            return dbOptions;
        }
        catch
        {
            dbOptions.Dispose();
            throw;
        }
    }

    private static unsafe List<string> ListColumnFamilies(OptionsHandle dbOptions, string path)
    {
        nuint count = 0;
        nint error = 0;
        var list = RocksDbNative.rocksdb_list_column_families(dbOptions, path, &count, &error);
        if (error != 0)
        {
            throw OpenFailure(path, NativeError.TakeMessage(error));
        }

        try
        {
            var names = new List<string>((int)count);
            for (nuint i = 0; i < count; i++)
            {
                names.Add(Marshal.PtrToStringUTF8(((nint*)list)[i]) ?? string.Empty);
            }

            return names;
        }
        finally
        {
            RocksDbNative.rocksdb_list_column_families_destroy(list, count);
        }
    }

    private static unsafe (DatabaseHandle Handle, ColumnFamilyHandle[] Families) OpenColumnFamilies(OptionsHandle dbOptions, string path, List<string> names)
    {
        var count = names.Count;
        var namePointers = new nint[count];
        var optionPointers = new nint[count];
        var familyPointers = new nint[count];
        try
        {
            // Every column family gets the same options; RocksDB copies them.
            for (var i = 0; i < count; i++)
            {
                namePointers[i] = Marshal.StringToCoTaskMemUTF8(names[i]);
                optionPointers[i] = dbOptions.DangerousGetHandle();
            }

            nint error = 0;
            nint database;
            fixed (nint* namesPointer = namePointers)
            fixed (nint* optionsPointer = optionPointers)
            fixed (nint* familiesPointer = familyPointers)
            {
                database = RocksDbNative.rocksdb_open_column_families(dbOptions, path, count, namesPointer, optionsPointer, familiesPointer, &error);
            }

            if (error != 0)
            {
                throw OpenFailure(path, NativeError.TakeMessage(error));
            }

            var handle = new DatabaseHandle();
            handle.Attach(database);
            var families = new ColumnFamilyHandle[count];
            for (var i = 0; i < count; i++)
            {
                families[i] = new ColumnFamilyHandle(handle);
                families[i].Attach(familyPointers[i]);
            }

            return (handle, families);
        }
        finally
        {
            foreach (var name in namePointers)
            {
                Marshal.ZeroFreeCoTaskMemUTF8(name);
            }
        }
    }

    private static StorageException OpenFailure(string path, string message)
    {
        // RocksDB guards a database with an flock on its LOCK file: "While lock file: ..." when another
        // process holds it, "lock hold by current process" when this process already opened it.
        if (message.Contains("While lock file", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("lock hold by current process", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseLockedException(
                $"The database at '{path}' is already open in another process or by another instance in this process (RocksDB: {message}).");
        }

        return new RocksDbException($"RocksDB could not open the database at '{path}': {message}", message);
    }

    private static bool IsUnsupportedCompression(RocksDbException exception) =>
        exception.NativeMessage?.Contains("is not linked with the binary", StringComparison.Ordinal) == true;
}
