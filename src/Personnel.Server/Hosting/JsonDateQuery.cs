using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Personnel.Server.Hosting;

/// <summary>
/// Lets JSON callers write a date as people do, <c>?as_of=2024-01-01</c>: JSON transcoding binds a query parameter to a
/// message field only field by field (<c>as_of.year=2024&amp;as_of.month=1&amp;as_of.day=1</c>), since google.type.Date is
/// not one of protobuf's well-known types. This rewrites each date parameter of a <c>/v1/</c> request (the
/// <see cref="DateFields"/> of the GET routes) written as a date into those three before transcoding reads the query;
/// every other parameter is left as it is, so a search for "2024-01-01" stays a search.
/// </summary>
internal static partial class JsonDateQuery
{
    /// <summary>The google.type.Date fields of the requests behind the GET routes.</summary>
    private static readonly HashSet<string> DateFields = new(StringComparer.Ordinal) { "as_of", "asOf" };

    public static IApplicationBuilder UseJsonDateQuery(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) && request.QueryString.HasValue)
        {
            var query = request.Query;
            if (query.Any(p => DateFields.Contains(p.Key) && IsDate(p.Value)))
            {
                var rewritten = new QueryBuilder();
                foreach (var (key, values) in query)
                {
                    if (DateFields.Contains(key) && IsDate(values))
                    {
                        // The parts as written: a day that does not exist (2024-02-30) is the service's to refuse, naming the field.
                        var parts = values.ToString().Split('-');
                        rewritten.Add(key + ".year", parts[0]);
                        rewritten.Add(key + ".month", parts[1]);
                        rewritten.Add(key + ".day", parts[2]);
                    }
                    else
                    {
                        rewritten.Add(key, (IEnumerable<string>)values!);
                    }
                }

                request.QueryString = rewritten.ToQueryString();
            }
        }

        return next(http);
    });

    private static bool IsDate(StringValues values) => values.Count == 1 && values[0] is { } text && DateShape().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")]
    private static partial System.Text.RegularExpressions.Regex DateShape();
}
