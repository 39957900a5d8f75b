using System.Globalization;
using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Server.Hosting;
using Personnel.Server.Mapping;
using Personnel.Storage;
using StorageStrength = Personnel.Storage.RotationStrength;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.RotationService: who is due for rotation, from the indexed read model (keyset paging).</summary>
public sealed class RotationService(IEventStore store, ShanghaiClock clock) : Personnel.Api.V1.RotationService.RotationServiceBase
{
    private const int DefaultWindowDays = 365;
    private const int DefaultPageSize = 100;

    public override async Task<ListRotationDueResponse> ListRotationDue(ListRotationDueRequest request, ServerCallContext context)
    {
        var asOf = Dates.Optional(request.AsOf, "as_of") ?? clock.Today;
        if (request.WindowDays is < 0 or > 3660)
        {
            throw Refusals.Invalid($"window_days {request.WindowDays} must be 0 (meaning {DefaultWindowDays}) to 3660.");
        }

        var pageSize = Pages.Size(request.PageSize, DefaultPageSize);
        StorageStrength? strength = request.Strength switch
        {
            Api.V1.RotationStrength.Unspecified => null,
            Api.V1.RotationStrength.Advisory => StorageStrength.Advisory,
            Api.V1.RotationStrength.Mandatory => StorageStrength.Mandatory,
            _ => throw Refusals.Invalid($"strength {(int)request.Strength} is not a rotation strength: use ADVISORY, MANDATORY or leave it unset."),
        };

        var page = await store.ReadModels.QueryRotationDueAsync(new RotationDueQuery(
            asOf,
            request.WindowDays == 0 ? DefaultWindowDays : request.WindowDays,
            request.DepartmentId.Length == 0 ? null : request.DepartmentId,
            strength,
            DecodeToken(request.PageToken),
            pageSize), context.CancellationToken).ConfigureAwait(false);

        var response = new ListRotationDueResponse { NextPageToken = EncodeToken(page.Next) };
        response.Entries.AddRange(page.Items.Select(ToApi));
        return response;
    }

    private static RotationDueEntry ToApi(RotationDueListing listing) => new()
    {
        EmployeeId = listing.View.EmployeeId,
        DepartmentId = listing.Period.DepartmentId,
        PostLevel = new Api.V1.PostLevel { Post = Posts.FromName(listing.View.Post), GradeLevel = listing.View.GradeLevel, Step = listing.View.Step },
        DueOn = Dates.ToApi(listing.Period.DueOn),
        Strength = listing.Period.Strength == StorageStrength.Mandatory ? Api.V1.RotationStrength.Mandatory : Api.V1.RotationStrength.Advisory,
        ConsecutiveTerms = listing.Period.ConsecutiveTerms,
        Name = Details.Name(listing.View.Details),
        Reason = listing.Period.Reason,
    };

    // The token is opaque to callers; inside it is the keyset cursor "due date|employee id".
    private static string EncodeToken(RotationDueCursor? cursor) =>
        Pages.Token(cursor is null ? null : cursor.RotationDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + cursor.EmployeeId);

    private static RotationDueCursor? DecodeToken(string token)
    {
        if (Pages.Cursor(token) is not { } text)
        {
            return null;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && DateOnly.TryParseExact(text[..bar], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new RotationDueCursor(due, text[(bar + 1)..])
            : throw Pages.NotIssued();
    }
}
