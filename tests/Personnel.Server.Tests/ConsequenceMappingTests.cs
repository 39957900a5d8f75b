using Personnel.Domain.Employees;
using Personnel.Grains.Abstractions;
using Personnel.Server.Mapping;

namespace Personnel.Server.Tests;

/// <summary>The annual-grade answer names what it decided (AS 第十九条): a merit says which class.</summary>
public class ConsequenceMappingTests
{
    [Theory]
    [InlineData(MeritClass.ThirdClass, 3, "三等功 (third-class merit): 3 consecutive Excellent years to 2024.")]
    [InlineData(MeritClass.SecondClass, 5, "二等功 (second-class merit): 5 consecutive Excellent years to 2024.")]
    public void AS19_a_merit_in_the_answer_names_its_class(MeritClass merit, int years, string description)
    {
        var on = new DateOnly(2024, 12, 20);
        var events = new[]
        {
            new AppendedEvent("employee:star", 40, "commendation-awarded", EventJson.Serialize<EmployeeEvent>(new CommendationAwarded(on, 2024)), on),
            new AppendedEvent("employee:star", 41, "merit-awarded", EventJson.Serialize<EmployeeEvent>(new MeritAwarded(on, 2024, merit, years)), on),
        };

        var consequences = EmployeeMapping.Consequences(events).ToList();

        Assert.Equal(["Commendation", "MeritAwarded"], consequences.Select(c => c.Kind));
        Assert.Equal(("AS 第十九条", description), (consequences[1].Article, consequences[1].Description));
    }
}
