namespace Nectar.Crypto.Secp256k1;

public sealed unsafe partial class LibSecp256k1
{
    /// <summary>Below this many requests a batch is recovered on the calling thread; scheduling would cost more than it saves.</summary>
    private const int MinimumParallelBatch = 32;

    /// <summary>Each worker takes contiguous ranges of at least this many requests.</summary>
    private const int MinimumRange = 16;

    /// <inheritdoc />
    public int RecoverMany(ReadOnlySpan<RecoveryRequest> requests, Span<byte> publicKeys64, Span<bool> recovered)
    {
        if (publicKeys64.Length != requests.Length * PublicKeyLength)
        {
            throw new ArgumentException("The key buffer must hold exactly 64 bytes per request.", nameof(publicKeys64));
        }

        if (recovered.Length != requests.Length)
        {
            throw new ArgumentException("The result flags must hold exactly one entry per request.", nameof(recovered));
        }

        if (requests.IsEmpty)
        {
            return 0;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            fixed (RecoveryRequest* requestPointer = requests)
            fixed (byte* keyPointer = publicKeys64)
            fixed (bool* flagPointer = recovered)
            {
                var batch = new Batch(_context.DangerousGetHandle(), requestPointer, keyPointer, flagPointer, requests.Length);
                var workers = Environment.ProcessorCount;
                if (requests.Length < MinimumParallelBatch || workers == 1)
                {
                    return batch.RecoverRange(0, requests.Length);
                }

                // A few ranges per core balance uneven progress without paying scheduling per item. The
                // buffers stay pinned because Parallel.For returns only when every range is done.
                var rangeLength = Math.Max(MinimumRange, (requests.Length + (workers * 4) - 1) / (workers * 4));
                var rangeCount = (requests.Length + rangeLength - 1) / rangeLength;
                var total = 0;
                Parallel.For(0, rangeCount, range =>
                {
                    var start = range * rangeLength;
                    var count = batch.RecoverRange(start, Math.Min(start + rangeLength, batch.Count));
                    Interlocked.Add(ref total, count);
                });
                return total;
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <summary>Raw views of a pinned batch, safe to hand to worker threads while the caller keeps it pinned.</summary>
    private readonly struct Batch
    {
        private readonly nint _context;
        private readonly RecoveryRequest* _requests;
        private readonly byte* _publicKeys;
        private readonly bool* _recovered;

        public Batch(nint context, RecoveryRequest* requests, byte* publicKeys, bool* recovered, int count)
        {
            _context = context;
            _requests = requests;
            _publicKeys = publicKeys;
            _recovered = recovered;
            Count = count;
        }

        public int Count { get; }

        public int RecoverRange(int start, int end)
        {
            var succeeded = 0;
            for (var i = start; i < end; i++)
            {
                ref readonly var request = ref _requests[i];
                fixed (byte* hash = request.MessageHash)
                fixed (byte* signature = request.Signature)
                {
                    var ok = Recover(_context, hash, signature, request.RecoveryId, _publicKeys + (i * PublicKeyLength));
                    _recovered[i] = ok;
                    succeeded += ok ? 1 : 0;
                }
            }

            return succeeded;
        }
    }
}
