namespace Nectar.Db;

/// <summary>Decodes a stored value handed over as a span that is valid only during the call.</summary>
/// <typeparam name="TState">State passed through by the caller (may be a ref struct).</typeparam>
/// <typeparam name="TResult">What the value decodes to.</typeparam>
/// <param name="value">The stored value; do not keep it beyond the call.</param>
/// <param name="state">The caller's state.</param>
/// <returns>The decoded result.</returns>
public delegate TResult ValueReader<in TState, out TResult>(ReadOnlySpan<byte> value, TState state)
    where TState : allows ref struct;
