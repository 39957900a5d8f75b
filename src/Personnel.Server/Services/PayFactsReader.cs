using Personnel.Domain.Employees;
using Personnel.Domain.Pay;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Server.Services;

/// <summary>
/// The facts PM 第八条 and 第九条 read, from an employee's recorded events: the heaviest sanction whose period
/// touches the year, an investigation still open at the year's end, probation, separation.
/// </summary>
public sealed class PayFactsReader(IEventStore store)
{
    public async Task<PerformancePayFacts> ReadAsync(EmployeeSnapshot snapshot, int year, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(Grains.StreamIds.Employee(snapshot.EmployeeId), 1, cancellationToken).ConfigureAwait(false);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var party = PartySanction.None;
        var government = GovernmentSanction.None;
        var investigationOpen = false;
        foreach (var e in events.Where(e => e.OccurredOn <= yearEnd))
        {
            switch (e.Type)
            {
                case "sanction-recorded":
                    var sanction = (SanctionRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (sanction.Period.Start <= yearEnd && sanction.Period.End >= yearStart)
                    {
                        if (sanction.Authority == SanctionAuthority.Party)
                        {
                            party = Max(party, Party(sanction.Kind));
                        }
                        else
                        {
                            government = Max(government, Government(sanction.Kind));
                        }
                    }

                    break;
                case "investigation-opened":
                    investigationOpen = true;
                    break;
                case "investigation-closed":
                    investigationOpen = false;
                    break;
            }
        }

        return new PerformancePayFacts
        {
            InOpenRecruitmentProbation = snapshot.State == ContractState.InProbation,
            PartySanction = party,
            GovernmentSanction = government,
            UnderInvestigation = investigationOpen,
            Separation = snapshot.State switch
            {
                ContractState.TransferredOut => Separation.TransferredOut,
                ContractState.Retired => Separation.Retired,
                ContractState.Resigned => Separation.Quit,
                _ => Separation.None,
            },
        };
    }

    private static T Max<T>(T a, T b)
        where T : struct, Enum => Comparer<T>.Default.Compare(a, b) >= 0 ? a : b;

    private static GovernmentSanction Government(SanctionKind kind) => kind switch
    {
        SanctionKind.Warning => GovernmentSanction.Warning,
        SanctionKind.Demerit => GovernmentSanction.Demerit,
        SanctionKind.MajorDemerit => GovernmentSanction.MajorDemerit,
        SanctionKind.Demotion => GovernmentSanction.Downgrade,
        SanctionKind.Removal => GovernmentSanction.Dismissal,
        _ => GovernmentSanction.Expulsion,
    };

    // Party sanctions are recorded at the government severity they equal (AS 第二十七条); the party ladder
    // 警告 < 严重警告 < 撤销党内职务 < 留党察看 < 开除党籍 is read in the same order.
    private static PartySanction Party(SanctionKind kind) => kind switch
    {
        SanctionKind.Warning => PartySanction.Warning,
        SanctionKind.Demerit => PartySanction.SeriousWarning,
        SanctionKind.MajorDemerit => PartySanction.RemovalFromPartyPost,
        SanctionKind.Demotion or SanctionKind.Removal => PartySanction.PartyProbation,
        _ => PartySanction.Expulsion,
    };
}
