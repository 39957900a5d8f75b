using System.Collections.Concurrent;
using System.Reflection;

namespace Personnel.Grains.Runtime;

/// <summary>
/// The grain reference handed out by <see cref="GrainRuntime.GetGrain{TGrainInterface}"/>: every
/// interface method becomes a call queued on the grain's mailbox. It plays the part of the proxies
/// Orleans generates at build time.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainId _grainId;

    /// <summary>The grain this reference reaches.</summary>
    public GrainId GrainId => _grainId;

    internal void Bind(GrainRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        _grainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var runtime = _runtime ?? throw new InvalidOperationException("A grain proxy was used before it was bound.");
        return GrainMethod.For(targetMethod).Dispatch(runtime, _grainId, args ?? []);
    }
}

/// <summary>How one grain interface method is dispatched: its result shape and where its token is.</summary>
internal sealed class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> _cache = new();

    private static readonly MethodInfo _dispatchWithResult =
        typeof(GrainMethod).GetMethod(nameof(DispatchWithResult), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly MethodInfo _method;
    private readonly Func<GrainRuntime, GrainId, MethodInfo, object?[], CancellationToken, Task> _dispatch;

    private GrainMethod(MethodInfo method)
    {
        _method = method;
        _dispatch = method.ReturnType == typeof(Task)
            ? DispatchWithoutResult
            : _dispatchWithResult.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0])
                .CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[], CancellationToken, Task>>();
    }

    public static GrainMethod For(MethodInfo method) => _cache.GetOrAdd(method, static m => new GrainMethod(m));

    /// <summary>
    /// Refuses an interface the runtime cannot honour: every method must be an asynchronous turn that
    /// can be cancelled, i.e. return Task or Task&lt;T&gt; and take a CancellationToken last.
    /// </summary>
    public static void Validate(Type grainInterface)
    {
        if (!grainInterface.IsInterface)
        {
            throw new ArgumentException($"{grainInterface.Name} is not an interface; grains are reached through interfaces.");
        }

        var methods = grainInterface.GetMethods()
            .Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods()));
        foreach (var method in methods)
        {
            var returns = method.ReturnType;
            var isTask = returns == typeof(Task)
                || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
            if (!isTask)
            {
                throw new ArgumentException(
                    $"Grain method {grainInterface.Name}.{method.Name} returns {returns.Name}; a grain call is an "
                    + "asynchronous turn, so it must return Task or Task<T>.");
            }

            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
            {
                throw new ArgumentException(
                    $"Grain method {grainInterface.Name}.{method.Name} must take a CancellationToken as its last "
                    + "parameter, so that a queued call can be withdrawn and a running one told to stop.");
            }
        }
    }

    public Task Dispatch(GrainRuntime runtime, GrainId grainId, object?[] args) =>
        _dispatch(runtime, grainId, _method, args, (CancellationToken)args[^1]!);

    private static Task<TResult> DispatchWithResult<TResult>(
        GrainRuntime runtime, GrainId grainId, MethodInfo method, object?[] args, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(
            grainId,
            method.Name,
            (grain, _) => (Task<TResult>)InvokeOn(grain, method, args),
            cancellationToken);

    private static Task DispatchWithoutResult(
        GrainRuntime runtime, GrainId grainId, MethodInfo method, object?[] args, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(
            grainId,
            method.Name,
            (grain, _) => AwaitWithoutResult(InvokeOn(grain, method, args)),
            cancellationToken);

    private static async Task<bool> AwaitWithoutResult(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }

    private static Task InvokeOn(Grain grain, MethodInfo method, object?[] args) =>
        (Task?)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)
        ?? throw new InvalidOperationException(
            $"Grain method {grain.GetType().Name}.{method.Name} returned a null Task.");
}
