namespace Nectar.Chain.TxPool;

/// <summary>
/// The executable transactions of every sender in the order they became executable: first come, first served.
/// An intrusive doubly linked list through <see cref="PooledTransaction.Previous"/> and
/// <see cref="PooledTransaction.Next"/>, so that appending, unlinking and replacing in place cost O(1) and allocate
/// nothing.
/// </summary>
/// <remarks>
/// A sender's transactions become executable in nonce order and are appended in that order; a replacement takes
/// the place of the transaction it replaces. So the queue always holds each sender's transactions in nonce order.
/// </remarks>
internal sealed class ExecutableQueue
{
    public PooledTransaction? First { get; private set; }

    public PooledTransaction? Last { get; private set; }

    public int Count { get; private set; }

    public void Append(PooledTransaction node)
    {
        node.Previous = Last;
        node.Next = null;
        if (Last is null)
        {
            First = node;
        }
        else
        {
            Last.Next = node;
        }

        Last = node;
        Count++;
    }

    public void Remove(PooledTransaction node)
    {
        if (node.Previous is null)
        {
            First = node.Next;
        }
        else
        {
            node.Previous.Next = node.Next;
        }

        if (node.Next is null)
        {
            Last = node.Previous;
        }
        else
        {
            node.Next.Previous = node.Previous;
        }

        node.Previous = null;
        node.Next = null;
        Count--;
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="old"/> was.</summary>
    public void Replace(PooledTransaction old, PooledTransaction replacement)
    {
        replacement.Previous = old.Previous;
        replacement.Next = old.Next;
        if (old.Previous is null)
        {
            First = replacement;
        }
        else
        {
            old.Previous.Next = replacement;
        }

        if (old.Next is null)
        {
            Last = replacement;
        }
        else
        {
            old.Next.Previous = replacement;
        }

        old.Previous = null;
        old.Next = null;
    }
}
