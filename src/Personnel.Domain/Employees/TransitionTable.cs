using Personnel.Domain.Common;

namespace Personnel.Domain.Employees;

/// <summary>
/// A guard on a transition: the rule it enforces and a check that returns null when the guard
/// holds, or the facts that make it fail (they go into the refusal's message).
/// </summary>
public sealed record Guard<TContext>(string Description, Rule Rule, Func<TContext, string?> Violation);

/// <summary>One row of the table: in <see cref="Source"/> (or a substate), <see cref="Trigger"/> leads to <see cref="Destination"/>; null = internal transition.</summary>
public sealed record TransitionRow<TState, TTrigger, TContext>(
    TState Source, TTrigger Trigger, TState? Destination, IReadOnlyList<Guard<TContext>> Guards)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public bool IsInternal => Destination is null;
}

/// <summary>
/// A declarative state machine table in the vocabulary of Stateless (Configure(state).Permit,
/// PermitIf, InternalTransition, SubstateOf, OnEntry), small enough to own. Guards are checked when
/// a decision is made (<see cref="Ensure"/>); replaying recorded events (<see cref="Fire"/>) trusts them,
/// because an event is a fact and a later policy must not rewrite history. A substate inherits its
/// superstate's rows; a state holds at most one row per trigger, so a trigger always has one meaning.
/// </summary>
/// <typeparam name="TContext">What guards look at when a decision is made.</typeparam>
/// <typeparam name="TEntry">What entry actions act on when a transition is applied.</typeparam>
public sealed class TransitionTable<TState, TTrigger, TContext, TEntry>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, StateConfiguration> _states = [];
    private readonly Dictionary<TTrigger, Rule> _triggerRules = [];
    private readonly Rule _defaultRule;

    public TransitionTable(TState initialState, Rule defaultRule)
    {
        InitialState = initialState;
        _defaultRule = defaultRule;
    }

    public TState InitialState { get; }

    /// <summary>Every configured state, in the order first configured.</summary>
    public IReadOnlyCollection<TState> States => _states.Keys;

    /// <summary>Every row, in the order configured.</summary>
    public IEnumerable<TransitionRow<TState, TTrigger, TContext>> Rows => _states.Values.SelectMany(s => s.Rows);

    public StateConfiguration Configure(TState state)
    {
        if (!_states.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration(this, state);
            _states.Add(state, configuration);
        }

        return configuration;
    }

    /// <summary>Names the rule a refusal of <paramref name="trigger"/> cites when the trigger is not allowed at all.</summary>
    public TransitionTable<TState, TTrigger, TContext, TEntry> Describe(TTrigger trigger, Rule rule)
    {
        _triggerRules[trigger] = rule;
        return this;
    }

    public Rule RuleOf(TTrigger trigger) => _triggerRules.TryGetValue(trigger, out var rule) ? rule : _defaultRule;

    public TState? ParentOf(TState state) => _states.TryGetValue(state, out var c) ? c.Parent : null;

    /// <summary>True when <paramref name="state"/> is <paramref name="ancestorOrSelf"/> or one of its substates.</summary>
    public bool IsInState(TState state, TState ancestorOrSelf)
    {
        for (TState? current = state; current is { } s; current = ParentOf(s))
        {
            if (EqualityComparer<TState>.Default.Equals(s, ancestorOrSelf))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The row <paramref name="trigger"/> follows in <paramref name="state"/>, searching the state and then its superstates.</summary>
    public TransitionRow<TState, TTrigger, TContext>? Find(TState state, TTrigger trigger)
    {
        for (TState? current = state; current is { } s; current = ParentOf(s))
        {
            if (_states.TryGetValue(s, out var configuration) && configuration.RowFor(trigger) is { } row)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>The triggers allowed in <paramref name="state"/> by the table alone (guards not consulted).</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state) =>
        Enum.GetValues<TTrigger>().Where(t => Find(state, t) is not null).ToList();

    public bool CanFire(TState state, TTrigger trigger, TContext context) =>
        Find(state, trigger) is { } row && row.Guards.All(g => g.Violation(context) is null);

    /// <summary>
    /// Checks that <paramref name="trigger"/> may fire now and returns its row; otherwise throws a
    /// FAILED_PRECONDITION <see cref="RuleViolationException"/> naming the rule, and nothing changes.
    /// </summary>
    public TransitionRow<TState, TTrigger, TContext> Ensure(TState state, TTrigger trigger, TContext context)
    {
        var row = Find(state, trigger);
        if (row is null)
        {
            var allowedIn = States.Where(s => Find(s, trigger) is not null && !IsAbstract(s)).ToList();
            var where = allowedIn.Count == 0 ? "in no state" : $"only in {string.Join(", ", allowedIn)}";
            throw new RuleViolationException(
                RuleOf(trigger), $"{trigger} is not allowed while the contract is {state}; it is allowed {where}");
        }

        foreach (var guard in row.Guards)
        {
            if (guard.Violation(context) is { } facts)
            {
                throw new RuleViolationException(guard.Rule, facts);
            }
        }

        return row;
    }

    /// <summary>
    /// Applies <paramref name="trigger"/> (already decided, or replayed from history) and returns the
    /// new state; runs the entry actions of each state entered, outermost first. Throws
    /// <see cref="InvalidOperationException"/> when history holds a transition the table forbids:
    /// that is corrupt history, not a refusal.
    /// </summary>
    public TState Fire(TState state, TTrigger trigger, TEntry entry)
    {
        var row = Find(state, trigger)
            ?? throw new InvalidOperationException($"history holds {trigger} in state {state}, which the transition table does not allow");
        if (row.Destination is not { } destination)
        {
            return state;
        }

        var entered = new List<TState>();
        for (TState? current = destination; current is { } s && !IsInState(state, s); current = ParentOf(s))
        {
            entered.Add(s);
        }

        entered.Reverse();
        foreach (var s in entered)
        {
            foreach (var action in _states[s].EntryActions)
            {
                action.Action(entry);
            }
        }

        return destination;
    }

    /// <summary>A state with substates that no row leads to directly (e.g. Separated).</summary>
    public bool IsAbstract(TState state) =>
        _states.Values.Any(c => c.Parent is { } p && EqualityComparer<TState>.Default.Equals(p, state))
        && !Rows.Any(r => r.Destination is { } d && EqualityComparer<TState>.Default.Equals(d, state))
        && !EqualityComparer<TState>.Default.Equals(state, InitialState);

    public IReadOnlyList<(string Description, TState State)> EntryActionsOf(TState state) =>
        _states.TryGetValue(state, out var c) ? c.EntryActions.Select(a => (a.Description, state)).ToList() : [];

    /// <summary>The configuration of one state.</summary>
    public sealed class StateConfiguration
    {
        private readonly TransitionTable<TState, TTrigger, TContext, TEntry> _table;
        private readonly List<TransitionRow<TState, TTrigger, TContext>> _rows = [];
        private readonly List<(string Description, Action<TEntry> Action)> _entryActions = [];

        internal StateConfiguration(TransitionTable<TState, TTrigger, TContext, TEntry> table, TState state)
        {
            _table = table;
            State = state;
        }

        public TState State { get; }

        public TState? Parent { get; private set; }

        internal IReadOnlyList<TransitionRow<TState, TTrigger, TContext>> Rows => _rows;

        internal IReadOnlyList<(string Description, Action<TEntry> Action)> EntryActions => _entryActions;

        public StateConfiguration SubstateOf(TState parent)
        {
            if (_table.IsInState(parent, State))
            {
                throw new InvalidOperationException($"{State} cannot be a substate of {parent}: that would make a cycle");
            }

            _table.Configure(parent);
            Parent = parent;
            return this;
        }

        public StateConfiguration Permit(TTrigger trigger, TState destination) => PermitIf(trigger, destination);

        public StateConfiguration PermitIf(TTrigger trigger, TState destination, params Guard<TContext>[] guards)
        {
            _table.Configure(destination);
            return Add(new TransitionRow<TState, TTrigger, TContext>(State, trigger, destination, guards));
        }

        public StateConfiguration InternalTransition(TTrigger trigger) => InternalTransitionIf(trigger);

        public StateConfiguration InternalTransitionIf(TTrigger trigger, params Guard<TContext>[] guards) =>
            Add(new TransitionRow<TState, TTrigger, TContext>(State, trigger, null, guards));

        public StateConfiguration OnEntry(string description, Action<TEntry> action)
        {
            _entryActions.Add((description, action));
            return this;
        }

        internal TransitionRow<TState, TTrigger, TContext>? RowFor(TTrigger trigger) =>
            _rows.FirstOrDefault(r => EqualityComparer<TTrigger>.Default.Equals(r.Trigger, trigger));

        private StateConfiguration Add(TransitionRow<TState, TTrigger, TContext> row)
        {
            if (RowFor(row.Trigger) is not null)
            {
                throw new InvalidOperationException($"{State} already has a row for {row.Trigger}: one trigger, one meaning");
            }

            _rows.Add(row);
            return this;
        }
    }
}
