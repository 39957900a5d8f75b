using System.Globalization;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.History.Bench;

/// <summary>
/// HR systems and apps on one set of hot employees for a fixed time: each caller owns the employees i ≡ caller (mod
/// callers), so one person's commands come in order, and picks one of them at random for each call of the mix —
/// <see cref="Mix"/>: attendance records that continue the person's career and grade corrections (Average ⇄ FairlyGood
/// over the seven graded quarters), each appending to the stream, then <c>GetPostLevel</c>, <c>GetTenure</c>,
/// <c>ListGrades</c> and the first page of <c>ListHistory</c>. Beside them one reader asks <c>GetEmployee</c> of the cold
/// pool at an even pace, each employee once, so activations go on throughout. Calls are counted by the window they
/// end in; a refusal under the rules is counted apart from errors, and neither counts as throughput.
/// </summary>
internal sealed class MixedLoad(PersonnelClient client, IReadOnlyList<string> hot, int seededCommands, IReadOnlyList<(MixedLoad.Op Op, int Weight)>? mix = null)
{
    /// <summary>The calls of the mix, with their weights (out of 100).</summary>
    public static readonly IReadOnlyList<(Op Op, int Weight)> Mix =
        [(Op.Record, 35), (Op.Correct, 10), (Op.PostLevel, 25), (Op.Tenure, 15), (Op.Grades, 10), (Op.History, 5)];

    private readonly IReadOnlyList<(Op Op, int Weight)> _mix = mix ?? Mix;

    /// <summary>Each hot employee's career so far, carried from one run to the next (a warm-up, then the load).</summary>
    private readonly IReadOnlyList<Career> _careers = hot.Select(id => new Career(id, seededCommands)).ToList();

    public enum Op
    {
        Record,
        Correct,
        PostLevel,
        Tenure,
        Grades,
        History,
        Cold,
    }

    /// <summary>Runs the mix for <paramref name="duration"/> with <paramref name="callers"/> callers (no more than the hot
    /// employees), and the cold reader over <paramref name="pool"/>.</summary>
    public async Task<LoadTally> RunAsync(int callers, TimeSpan duration, TimeSpan window, IReadOnlyList<string> pool, CancellationToken cancellationToken)
    {
        if (_careers.Count < callers)
        {
            throw new ArgumentException($"{_careers.Count} hot employees cannot give each of {callers} callers one of its own", nameof(callers));
        }

        var tally = new LoadTally(duration, window);
        var work = Enumerable.Range(0, callers)
            .Select(c => CallerAsync(tally, _careers.Where((_, i) => i % callers == c).ToList(), c, cancellationToken))
            .Append(ColdReaderAsync(tally, pool, cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);
        return tally;
    }

    private async Task CallerAsync(LoadTally tally, IReadOnlyList<Career> mine, int caller, CancellationToken cancellationToken)
    {
        var random = new Random(caller);
        while (tally.Elapsed < tally.Duration)
        {
            var career = mine[random.Next(mine.Count)];
            var op = Pick(random.Next(100));
            await tally.TimeAsync(op, () => CallAsync(op, career, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Reads each of <paramref name="pool"/> once, evenly spread over the run.</summary>
    private async Task ColdReaderAsync(LoadTally tally, IReadOnlyList<string> pool, CancellationToken cancellationToken)
    {
        for (var k = 0; k < pool.Count; k++)
        {
            var due = tally.Duration * k / pool.Count;
            if (due > tally.Elapsed)
            {
                await Task.Delay(due - tally.Elapsed, cancellationToken).ConfigureAwait(false);
            }

            var id = pool[k];
            await tally.TimeAsync(Op.Cold, () => client.Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = id }, cancellationToken)).ConfigureAwait(false);
        }
    }

    private Task CallAsync(Op op, Career career, CancellationToken cancellationToken)
    {
        var id = career.Id;
        switch (op)
        {
            case Op.Record:
                return Careers.Command(client, id, career.NextSlot++, cancellationToken);
            case Op.Correct:
                var k = career.Corrections++;
                var (year, quarter) = Careers.Quarters[k % Careers.Quarters.Count];
                return client.Grading.CorrectQuarterlyGradeAsync(new CorrectQuarterlyGradeRequest
                {
                    RequestId = string.Create(CultureInfo.InvariantCulture, $"hist-mix-{id}-c{k}"),
                    EmployeeId = id,
                    Year = year,
                    Quarter = quarter,
                    Grade = k / Careers.Quarters.Count % 2 == 0 ? QuarterlyGrade.FairlyGood : QuarterlyGrade.Average,
                    Reason = "bench: the grade is corrected back and forth",
                }, cancellationToken);
            case Op.PostLevel:
                return client.Employees.GetPostLevelAsync(new GetPostLevelRequest { EmployeeId = id }, cancellationToken);
            case Op.Tenure:
                return client.Employees.GetTenureAsync(new GetTenureRequest { EmployeeId = id }, cancellationToken);
            case Op.Grades:
                return client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = id }, cancellationToken);
            case Op.History:
                return client.Employees.ListHistoryAsync(new ListHistoryRequest { EmployeeId = id, PageSize = 100 }, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    /// <summary>A mix written <c>Record=35,PostLevel=65</c> (weights out of 100).</summary>
    public static IReadOnlyList<(Op Op, int Weight)> ParseMix(string text) =>
        text.Split(',').Select(part => part.Split('=')).Select(kv => (Enum.Parse<Op>(kv[0]), int.Parse(kv[1], CultureInfo.InvariantCulture))).ToList();

    private Op Pick(int roll)
    {
        foreach (var (op, weight) in _mix)
        {
            if (roll < weight)
            {
                return op;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("the mix's weights do not add up to 100");
    }

    /// <summary>One hot employee as its caller knows it: the next command of its career and the corrections made.</summary>
    private sealed class Career(string id, int nextSlot)
    {
        public string Id { get; } = id;

        public int NextSlot { get; set; } = nextSlot;

        public int Corrections { get; set; }
    }
}
