using Personnel.Storage;
using DomainStrength = Personnel.Domain.Employees.RotationStrength;
using StorageStrength = Personnel.Storage.RotationStrength;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IRotationDueQuery"/> over the indexed rotation timelines of the event store's read models.</summary>
internal sealed class RotationDueQuery(IEventStore store) : IRotationDueQuery
{
    public async Task<RotationDueList> ListAsync(RotationDueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await store.ReadModels.QueryRotationDueAsync(new Storage.RotationDueQuery(
            request.AsOf,
            request.WindowDays,
            request.DepartmentId,
            request.Strength is { } strength ? ToStorage(strength) : null,
            request.After is { } after ? new RotationDueCursor(after.DueOn, after.EmployeeId) : null,
            request.Limit), cancellationToken).ConfigureAwait(false);
        return new RotationDueList(
            [.. page.Items.Select(listing => new RotationDueItem(
                EmployeeListing.From(listing.View),
                listing.Period.DepartmentId,
                listing.Period.DueOn,
                listing.Period.Strength == StorageStrength.Mandatory ? DomainStrength.Mandatory : DomainStrength.Advisory,
                listing.Period.ConsecutiveTerms,
                listing.Period.Reason))],
            page.Next is { } next ? new RotationDuePosition(next.RotationDueOn, next.EmployeeId) : null);
    }

    private static StorageStrength ToStorage(DomainStrength strength) =>
        strength == DomainStrength.Mandatory ? StorageStrength.Mandatory : StorageStrength.Advisory;
}
