using System.Globalization;
using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Server.Hosting;
using Personnel.Grains.Queries;
using Personnel.Server.Mapping;
using DomainStrength = Personnel.Domain.Employees.RotationStrength;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.RotationService: who is due for rotation, from the grains' indexed rotation query (keyset paging).</summary>
public sealed class RotationService(IRotationDueQuery rotationDue, ShanghaiClock clock) : Personnel.Api.V1.RotationService.RotationServiceBase
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
        DomainStrength? strength = request.Strength switch
        {
            Api.V1.RotationStrength.Unspecified => null,
            Api.V1.RotationStrength.Advisory => DomainStrength.Advisory,
            Api.V1.RotationStrength.Mandatory => DomainStrength.Mandatory,
            _ => throw Refusals.Invalid($"strength {(int)request.Strength} is not a rotation strength: use ADVISORY, MANDATORY or leave it unset."),
        };

        var page = await rotationDue.ListAsync(new RotationDueRequest(
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

    private static RotationDueEntry ToApi(RotationDueItem item) => new()
    {
        EmployeeId = item.Employee.EmployeeId,
        DepartmentId = item.DepartmentId,
        PostLevel = EmployeeMapping.ToApi(item.Employee),
        DueOn = Dates.ToApi(item.DueOn),
        Strength = item.Strength == DomainStrength.Mandatory ? Api.V1.RotationStrength.Mandatory : Api.V1.RotationStrength.Advisory,
        ConsecutiveTerms = item.ConsecutiveTerms,
        Name = item.Employee.Name,
        Reason = item.Reason,
    };

    // The token is opaque to callers; inside it is the keyset cursor "due date|employee id".
    private static string EncodeToken(RotationDuePosition? cursor) =>
        Pages.Token(cursor is null ? null : cursor.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + cursor.EmployeeId);

    private static RotationDuePosition? DecodeToken(string token)
    {
        if (Pages.Cursor(token) is not { } text)
        {
            return null;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && DateOnly.TryParseExact(text[..bar], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new RotationDuePosition(due, text[(bar + 1)..])
            : throw Pages.NotIssued();
    }
}
