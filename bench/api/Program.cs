using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Personnel.Api.V1;
using Personnel.Client;

// bench/api driver. Commands:
//   seed ADDRESS KEY DEPARTMENT PREFIX COUNT CONCURRENCY   create the department and COUNT staff PREFIX0..PREFIX{COUNT-1}
//   body FILE EMPLOYEE                                    a framed GetPostLevelRequest for h2load -d
//   csv FILE PREFIX ROWS                                  ROWS grades (staff × Q1–Q3 of 2026, all Average: no quota)
//   writes ADDRESS KEY PREFIX COUNT CONCURRENCY           RecordQuarterlyGrade for COUNT staff × Q1–Q3, quarter by quarter;
//                                                         prints
//                                                         "writes N SECONDS WRITES/S P50MS P99MS CPU-SECONDS-OF-THIS-PROCESS"
//
// Q1–Q3 only: staff are appointed on 2026-01-01 and Q4 2026 has not ended on the machine's clock.
var command = args.ElementAtOrDefault(0);
var culture = CultureInfo.InvariantCulture;
switch (command)
{
    case "seed":
        await SeedAsync(args[1], args[2], args[3], args[4], int.Parse(args[5], culture), int.Parse(args[6], culture)).ConfigureAwait(false);
        return 0;
    case "body":
        await WriteBodyAsync(args[1], args[2]).ConfigureAwait(false);
        return 0;
    case "csv":
        await WriteCsvAsync(args[1], args[2], int.Parse(args[3], culture)).ConfigureAwait(false);
        return 0;
    case "writes":
        await WritesAsync(args[1], args[2], args[3], int.Parse(args[4], culture), int.Parse(args[5], culture)).ConfigureAwait(false);
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: seed|body|csv|writes … (see Program.cs)").ConfigureAwait(false);
        return 2;
}

static PersonnelClient Client(string address, string key) =>
    new(new PersonnelClientOptions { Address = new Uri(address), ApiKey = key, DefaultDeadline = TimeSpan.FromMinutes(2) });

static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

static async Task SeedAsync(string address, string key, string department, string prefix, int count, int concurrency)
{
    using var client = Client(address, key);
    await client.Departments.CreateDepartmentAsync(new CreateDepartmentRequest
    {
        RequestId = "bench-dept-" + department,
        DepartmentId = department,
        Name = "Bench " + department,
        Kind = DepartmentKind.ZoneDepartment,
        CreatedOn = Day(2024, 1, 1),
    }).ConfigureAwait(false);
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
    {
        await client.Employees.AppointEmployeeAsync(new AppointEmployeeRequest
        {
            RequestId = $"bench-appoint-{prefix}{i}",
            EmployeeId = prefix + i.ToString(CultureInfo.InvariantCulture),
            Name = "Bench " + i.ToString(CultureInfo.InvariantCulture),
            DepartmentId = department,
            Method = AppointmentMethod.Competitive,
            PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 6, Step = 1 + (i % 19) },
            StartsOn = Day(2026, 1, 1),
            RetirementOn = Day(2050, 6, 30),
            FirstCompetition = true,
            Education = Education.Bachelor,
        }, ct).ConfigureAwait(false);
    }).ConfigureAwait(false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} in {watch.Elapsed.TotalSeconds:F1} s"));
}

static async Task WriteBodyAsync(string file, string employee)
{
    var message = new GetPostLevelRequest { EmployeeId = employee, AsOf = Day(2026, 5, 1) }.ToByteArray();
    var framed = new byte[5 + message.Length];
    BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
    message.CopyTo(framed, 5);
    await File.WriteAllBytesAsync(file, framed).ConfigureAwait(false);
}

static async Task WriteCsvAsync(string file, string prefix, int rows)
{
    var csv = new StringBuilder("employee_id,year,quarter,grade,no_grade_reason,comments,decided_on\n");
    for (var n = 0; n < rows; n++)
    {
        var quarter = 1 + (n % Quarters);
        csv.Append(CultureInfo.InvariantCulture, $"{prefix}{n / Quarters},2026,{quarter},average,,,2026-{(quarter * 3) + 1:D2}-03\n");
    }

    await File.WriteAllTextAsync(file, csv.ToString()).ConfigureAwait(false);
}

static async Task WritesAsync(string address, string key, string prefix, int count, int concurrency)
{
    // The generator shares the machine's cores with the server, so it does as little as it can while timed: the
    // requests (request ids included) are built before the clock starts, and the calls carry no deadline (no
    // timer per call).
    using var client = new PersonnelClient(new PersonnelClientOptions { Address = new Uri(address), ApiKey = key, DefaultDeadline = null });

    // Quarter by quarter, as a department records a quarter: every staff member's Q1, then Q2, then Q3. Each
    // write is a distinct grade of a distinct (employee, quarter); concurrent callers then hold distinct
    // employees, as many HR clerks recording one quarter would.
    var requests = Enumerable.Range(0, count * Quarters).Select(n =>
    {
        var employee = prefix + (n % count).ToString(CultureInfo.InvariantCulture);
        var quarter = 1 + (n / count);
        return new RecordQuarterlyGradeRequest
        {
            RequestId = string.Create(CultureInfo.InvariantCulture, $"bench-grade-{employee}-2026Q{quarter}"),
            EmployeeId = employee,
            Year = 2026,
            Quarter = quarter,
            Grade = QuarterlyGrade.Average,
            DecidedOn = Day(2026, (quarter * 3) + 1, 3),
        };
    }).ToArray();
    var latencies = new double[requests.Length];
    var next = -1;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, ct) =>
    {
        var started = Stopwatch.GetTimestamp();
        await client.Grading.RecordQuarterlyGradeAsync(request, ct).ConfigureAwait(false);
        latencies[Interlocked.Increment(ref next)] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }).ConfigureAwait(false);
    var seconds = watch.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Array.Sort(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"writes {latencies.Length} {seconds:F2} {latencies.Length / seconds:F0} {latencies[latencies.Length / 2]:F1} {latencies[(int)(latencies.Length * 0.99)]:F1} {cpuSeconds:F2}"));
}

internal static partial class Program
{
    private const int Quarters = 3;
}
