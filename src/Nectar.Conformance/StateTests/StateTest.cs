using Nectar.Core.Primitives;

namespace Nectar.Conformance.StateTests;

/// <summary>One named test of a state-test file: environment, pre-state, transaction and expectations per fork.</summary>
public sealed class StateTest
{
    /// <summary>The test's name (the key in the file).</summary>
    public required string Name { get; init; }

    /// <summary>The file it came from.</summary>
    public required string File { get; init; }

    /// <summary>The block environment.</summary>
    public required StateTestEnvironment Environment { get; init; }

    /// <summary>The pre-state.</summary>
    public required IReadOnlyDictionary<Address, StateTestAccount> Pre { get; init; }

    /// <summary>The transaction template.</summary>
    public required StateTestTransaction Transaction { get; init; }

    /// <summary>The cases, in file order (fork by fork).</summary>
    public List<StateTestCase> Cases { get; } = [];
}
