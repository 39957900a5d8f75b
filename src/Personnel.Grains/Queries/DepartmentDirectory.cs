using System.Text.Json;
using Personnel.Grains.Departments;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IDepartmentDirectory"/> over the department list and the leadership outbox the grains keep.</summary>
internal sealed class DepartmentDirectory(IEventStore store) : IDepartmentDirectory
{
    private const int OutboxPage = 100;

    public async Task<IReadOnlyList<DepartmentListEntry>> ListAsync(string? afterDepartmentId, int limit, CancellationToken cancellationToken)
    {
        var documents = await store.ReadModels.ListDocumentsAsync(DepartmentListEntry.DocumentKind, afterDepartmentId, limit, cancellationToken)
            .ConfigureAwait(false);
        return [.. documents.Select(d => DepartmentListEntry.Read(d.Json))];
    }

    public async Task<IReadOnlyList<LeadershipOutboxEntry>> PendingLeadershipAdjustmentsAsync(string departmentId, CancellationToken cancellationToken)
    {
        // The outbox is keyed "department:version" (a rescission "department:version:rescinded"): one department's
        // entries are the keys after its prefix, up to the first key of another department.
        var prefix = departmentId + ":";
        var pending = new List<LeadershipOutboxEntry>();
        var after = prefix;
        while (true)
        {
            var page = await store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, after, OutboxPage, cancellationToken).ConfigureAwait(false);
            var mine = page.TakeWhile(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            pending.AddRange(mine.Select(d => JsonSerializer.Deserialize<LeadershipOutboxEntry>(d.Json, GrainJson.Options)!)
                .Where(e => e.RescindFor is null));
            if (page.Count < OutboxPage || mine.Count < page.Count)
            {
                break;
            }

            after = page[^1].Key;
        }

        return [.. pending.OrderBy(e => e.On).ThenBy(e => e.Year)];
    }
}
