namespace Nectar.Db.Memory;

/// <summary>
/// In-order walk of one immutable tree version between an inclusive start and an optional exclusive end,
/// keeping the path still to visit on an explicit stack so a step costs amortised O(1).
/// </summary>
internal sealed class MemoryCursor : IKeyValueCursor
{
    private readonly byte[] _start;
    private readonly byte[]? _end;
    private readonly bool _forward;
    private MemoryNode?[] _stack;
    private int _depth;
    private MemoryNode? _current;
    private bool _done;
    private bool _disposed;

    public MemoryCursor(MemoryNode? root, byte[] start, byte[]? end, ScanDirection direction)
    {
        _start = start;
        _end = end;
        _forward = direction == ScanDirection.Forward;
        _stack = new MemoryNode?[MemoryNode.HeightOf(root)];
        if (end is not null && start.AsSpan().SequenceCompareTo(end) >= 0)
        {
            _done = true;
            return;
        }

        // Push the path to the first key in scan order: every node at or after the start (forward) or
        // before the end (reverse); the stack then holds exactly the nodes still to visit, nearest on top.
        for (var node = root; node is not null;)
        {
            if (_forward ? node.Key.AsSpan().SequenceCompareTo(start) >= 0 : end is null || node.Key.AsSpan().SequenceCompareTo(end) < 0)
            {
                _stack[_depth++] = node;
                node = _forward ? node.Left : node.Right;
            }
            else
            {
                node = _forward ? node.Right : node.Left;
            }
        }
    }

    public ReadOnlySpan<byte> Key => Current.Key;

    public ReadOnlySpan<byte> Value => Current.Value;

    private MemoryNode Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _current ?? throw new InvalidOperationException("The cursor is not on an entry: call MoveNext first and check its result.");
        }
    }

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _current = null;
        if (_done || _depth == 0)
        {
            _done = true;
            return false;
        }

        var node = _stack[--_depth]!;
        _stack[_depth] = null;
        for (var next = _forward ? node.Right : node.Left; next is not null; next = _forward ? next.Left : next.Right)
        {
            _stack[_depth++] = next;
        }

        var inRange = _forward
            ? _end is null || node.Key.AsSpan().SequenceCompareTo(_end) < 0
            : node.Key.AsSpan().SequenceCompareTo(_start) >= 0;
        if (!inRange)
        {
            _done = true;
            return false;
        }

        _current = node;
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _current = null;
        _stack = [];
        _depth = 0;
    }
}
