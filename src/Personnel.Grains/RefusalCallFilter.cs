using Personnel.Domain.Common;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains;

/// <summary>
/// Turns the domain's refusal into <see cref="RuleRefusedException"/> as it leaves a grain, so it crosses silos with its
/// rule, article, facts and kind (Orleans carries a plain exception across silos by type name and message only).
/// </summary>
internal sealed class RefusalCallFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (RuleViolationException violation)
        {
            throw new RuleRefusedException(violation);
        }
    }
}
