using Personnel.Grains.Abstractions;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Mapping;

/// <summary>
/// Consequences named by the rule that raised them (<see cref="Domain.Common.ConsequenceCatalogue.NamedByRule"/>): the
/// ranking and correction consequences, a post adjustment under the article of its rule; everything else as
/// <see cref="EmployeeMapping.Consequences"/> says.
/// </summary>
public static class RuleConsequences
{
    /// <summary>The consequences among a command's events.</summary>
    public static IEnumerable<V1.Consequence> Of(IEnumerable<AppendedEvent> events) =>
        events.Select(e => (Event: e, Note: Domain.Common.ConsequenceCatalogue.NamedByRule(e.Type, e.Payload)))
            .Where(c => c.Note is not null)
            .Select(c => EmployeeMapping.ToApi(c.Note!, c.Event.OccurredOn));
}
