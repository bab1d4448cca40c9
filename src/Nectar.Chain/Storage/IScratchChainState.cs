namespace Nectar.Chain.Storage;

/// <summary>A throw-away copy of an <see cref="IChainState"/> (see <see cref="IChainState.Fork"/>); disposing it drops every change.</summary>
public interface IScratchChainState : IChainState, IDisposable;
