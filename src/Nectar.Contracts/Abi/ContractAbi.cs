using Nectar.Core.Primitives;

namespace Nectar.Contracts.Abi;

/// <summary>
/// A contract's ABI: the raw JSON as the compiler wrote it, and its functions, events, errors and constructor
/// parsed, with lookups by name, signature, selector and topic.
/// </summary>
public sealed partial class ContractAbi
{
    private readonly AbiFunction[] _functions;
    private readonly AbiEvent[] _events;
    private readonly AbiError[] _errors;
    private readonly Dictionary<AbiSelector, AbiFunction> _functionsBySelector = [];
    private readonly Dictionary<AbiSelector, AbiError> _errorsBySelector = [];
    private readonly Dictionary<Hash256, AbiEvent> _eventsByTopic = [];

    private ContractAbi(
        string json,
        AbiFunction[] functions,
        AbiEvent[] events,
        AbiError[] errors,
        AbiConstructor? constructor,
        bool hasFallback,
        bool hasReceive)
    {
        Json = json;
        _functions = functions;
        _events = events;
        _errors = errors;
        Constructor = constructor;
        HasFallback = hasFallback;
        HasReceive = hasReceive;
        foreach (var function in functions)
        {
            if (!_functionsBySelector.TryAdd(function.Selector, function))
            {
                throw new FormatException($"Functions {_functionsBySelector[function.Selector]} and {function} share selector {function.Selector}.");
            }
        }

        foreach (var error in errors)
        {
            _errorsBySelector.TryAdd(error.Selector, error);
        }

        foreach (var e in events)
        {
            if (!e.Anonymous)
            {
                _eventsByTopic.TryAdd(e.Topic, e);
            }
        }
    }

    /// <summary>The ABI as JSON, exactly as the artifact holds it.</summary>
    public string Json { get; }

    /// <summary>The functions in ABI order.</summary>
    public IReadOnlyList<AbiFunction> Functions => _functions;

    /// <summary>The events in ABI order.</summary>
    public IReadOnlyList<AbiEvent> Events => _events;

    /// <summary>The custom errors in ABI order.</summary>
    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>The constructor, or <see langword="null"/> when the contract declares none.</summary>
    public AbiConstructor? Constructor { get; }

    /// <summary>Whether the contract has a fallback function.</summary>
    public bool HasFallback { get; }

    /// <summary>Whether the contract has a receive function.</summary>
    public bool HasReceive { get; }

    /// <summary>The function with this name (which must not be overloaded) or this canonical signature.</summary>
    /// <param name="nameOrSignature">A name such as <c>transfer</c> or a signature such as <c>transfer(address,uint256)</c>.</param>
    /// <returns>The function.</returns>
    /// <exception cref="KeyNotFoundException">No such function, or the name is overloaded.</exception>
    public AbiFunction GetFunction(string nameOrSignature) => Find(_functions, nameOrSignature, static f => f.Name, static f => f.Signature, "function");

    /// <summary>The function with this selector.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="function">The function, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetFunction(AbiSelector selector, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiFunction? function) =>
        _functionsBySelector.TryGetValue(selector, out function);

    /// <summary>The event with this name (not overloaded) or this canonical signature.</summary>
    /// <param name="nameOrSignature">A name such as <c>Transfer</c> or a signature.</param>
    /// <returns>The event.</returns>
    /// <exception cref="KeyNotFoundException">No such event, or the name is overloaded.</exception>
    public AbiEvent GetEvent(string nameOrSignature) => Find(_events, nameOrSignature, static e => e.Name, static e => e.Signature, "event");

    /// <summary>The non-anonymous event whose signature topic this is.</summary>
    /// <param name="topic">A log's first topic.</param>
    /// <param name="abiEvent">The event, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetEvent(Hash256 topic, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiEvent? abiEvent) =>
        _eventsByTopic.TryGetValue(topic, out abiEvent);

    /// <summary>The custom error with this name (not overloaded) or this canonical signature.</summary>
    /// <param name="nameOrSignature">A name such as <c>NotAdmitted</c> or a signature.</param>
    /// <returns>The error.</returns>
    /// <exception cref="KeyNotFoundException">No such error, or the name is overloaded.</exception>
    public AbiError GetError(string nameOrSignature) => Find(_errors, nameOrSignature, static e => e.Name, static e => e.Signature, "error");

    /// <summary>The custom error with this selector.</summary>
    /// <param name="selector">The first four bytes of revert data.</param>
    /// <param name="error">The error, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetError(AbiSelector selector, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiError? error) =>
        _errorsBySelector.TryGetValue(selector, out error);

    private static T Find<T>(T[] items, string nameOrSignature, Func<T, string> name, Func<T, string> signature, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        var bySignature = nameOrSignature.Contains('(', StringComparison.Ordinal);
        T? found = null;
        foreach (var item in items)
        {
            if (!string.Equals(bySignature ? signature(item) : name(item), nameOrSignature, StringComparison.Ordinal))
            {
                continue;
            }

            if (found is not null)
            {
                throw new KeyNotFoundException($"The {what} name {nameOrSignature} is overloaded; ask for it by signature ({signature(found)}, {signature(item)}).");
            }

            found = item;
        }

        return found ?? throw new KeyNotFoundException($"The ABI has no {what} {nameOrSignature}.");
    }
}
