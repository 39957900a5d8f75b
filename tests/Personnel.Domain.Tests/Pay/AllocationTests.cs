using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Pay;

namespace Personnel.Domain.Tests.Pay;

public class AllocationTests
{
    private static readonly PayPolicy Weihai = new();

    private static StaffMember Member(string id, decimal personal, decimal post) => new(new EmployeeId(id), personal, post);

    [Fact]
    public void PM5_AnnualPool_IsTotalLessPostMonthlyAndQuarterly()
    {
        var pool = AnnualPerformancePool.Compute(1_000_000.00m, 400_000.00m, 200_000.00m, 150_000.00m);

        Assert.Equal(250_000.00m, pool.Pool);
    }

    [Fact]
    public void PM5_AnnualPool_BelowZero_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => AnnualPerformancePool.Compute(100m, 60m, 30m, 20m));

        Assert.Equal(Rules.AnnualPool, error.Rule);
        Assert.Contains("PM 第五条", error.Message);
    }

    [Fact]
    public void PM5_DepartmentCoefficientByTier_IsElevenTenNineEightTenths()
    {
        var departments = new[] { DepartmentTier.Tier1, DepartmentTier.Tier2, DepartmentTier.Tier3, DepartmentTier.Tier4 }
            .Select(t => new DepartmentStaff(new DepartmentId($"d{(int)t}"), t, [Member($"e{(int)t}", 1m, 1m)]))
            .ToList();

        // Weights 1.1 : 1.0 : 0.9 : 0.8 of 3800.00.
        var allocation = AnnualPerformanceAllocation.Allocate(3800.00m, departments, Weihai);

        Assert.Equal([1100.00m, 1000.00m, 900.00m, 800.00m], allocation.Departments.Select(d => d.Amount));
        Assert.Equal([1.1m, 1.0m, 0.9m, 0.8m], allocation.Departments.Select(d => d.Coefficient));
    }

    [Fact]
    public void PM5_Allocation_WorkedByHand()
    {
        // A (tier 1, 1.1): a1 Excellent 1.1 × post 1.2, a2 Competent 1.0 × post 1.0; Σpost 2.2 → weight 2.42.
        // B (tier 3, 0.9): b1 1.0, b2 0.2, b3 0, each post 1.0; Σpost 3.0 → weight 2.7. Total weight 5.12.
        // A = 1,000,000 fen × 2.42/5.12 = 472,656.25; B = 527,343.75 → floors leave 1 fen, to B (.75 > .25).
        // In A: a1 = 472,656 × 1.32/2.32 = 268,924.97, a2 = 203,731.03 → the spare fen to a1.
        // In B: b1 = 527,344 × 1/1.2 = 439,453.33, b2 = 87,890.67, b3 = 0 → the spare fen to b2.
        var departments = new List<DepartmentStaff>
        {
            new(new DepartmentId("A"), DepartmentTier.Tier1, [Member("a1", 1.1m, 1.2m), Member("a2", 1.0m, 1.0m)]),
            new(new DepartmentId("B"), DepartmentTier.Tier3, [Member("b1", 1.0m, 1.0m), Member("b2", 0.2m, 1.0m), Member("b3", 0m, 1.0m)]),
        };

        var allocation = AnnualPerformanceAllocation.Allocate(10_000.00m, departments, Weihai);

        Assert.Equal([4726.56m, 5273.44m], allocation.Departments.Select(d => d.Amount));
        Assert.Equal(2689.25m, allocation.AmountFor(new EmployeeId("a1")));
        Assert.Equal(2037.31m, allocation.AmountFor(new EmployeeId("a2")));
        Assert.Equal(4394.53m, allocation.AmountFor(new EmployeeId("b1")));
        Assert.Equal(878.91m, allocation.AmountFor(new EmployeeId("b2")));
        Assert.Equal(0m, allocation.AmountFor(new EmployeeId("b3")));
    }

    [Fact]
    public void PM5_ADepartmentWhereNobodyCanReceive_KeepsItsShareUndistributed()
    {
        var departments = new List<DepartmentStaff>
        {
            new(new DepartmentId("A"), DepartmentTier.Tier2, [Member("a1", 1.0m, 1.0m)]),
            new(new DepartmentId("B"), DepartmentTier.Tier2, [Member("b1", 0m, 1.0m)]),
        };

        var allocation = AnnualPerformanceAllocation.Allocate(200.00m, departments, Weihai);

        Assert.Equal(100.00m, allocation.Departments[1].Undistributed);
        Assert.Equal(0m, allocation.AmountFor(new EmployeeId("b1")));
        Assert.Equal(100.00m, allocation.AmountFor(new EmployeeId("a1")));
    }

    [Fact]
    public void LargestRemainder_GivesTheSpareFenToTheLargestRemainders_TiesToTheFirstListed()
    {
        Assert.Equal([33.34m, 33.33m, 33.33m], LargestRemainder.Apportion(100.00m, [1m, 1m, 1m]));
        Assert.Equal([0.01m, 0.01m, 0m], LargestRemainder.Apportion(0.02m, [1m, 1m, 1m]));
    }

    [Fact]
    public void PM5_AllocationInput_Errors_AreRefused()
    {
        Assert.Throws<RuleViolationException>(() => LargestRemainder.Apportion(100.001m, [1m]));
        Assert.Throws<RuleViolationException>(() => LargestRemainder.Apportion(100m, [0m, 0m]));
        Assert.Throws<RuleViolationException>(() => LargestRemainder.Apportion(100m, [1m, -1m]));
        var duplicate = Assert.Throws<RuleViolationException>(() => AnnualPerformanceAllocation.Allocate(10m,
        [
            new(new DepartmentId("A"), DepartmentTier.Tier1, [Member("x", 1m, 1m)]),
            new(new DepartmentId("B"), DepartmentTier.Tier1, [Member("x", 1m, 1m)]),
        ], Weihai));
        Assert.Contains("listed twice", duplicate.Message);
    }

    private static readonly Gen<decimal> Personal = Gen.Elements(0m, 0.2m, 1.0m, 1.1m);
    private static readonly Gen<decimal> PostCoefficient = Gen.Choose(50, 300).Select(c => c / 100m);
    private static readonly Gen<DepartmentTier> Tier = Gen.Elements(DepartmentTier.Tier1, DepartmentTier.Tier2, DepartmentTier.Tier3, DepartmentTier.Tier4);

    private static readonly Gen<List<DepartmentStaff>> Zone =
        from count in Gen.Choose(1, 5)
        from departments in (
            from tier in Tier
            from size in Gen.Choose(1, 6)
            from staff in Personal.SelectMany(p => PostCoefficient.Select(c => (p, c))).ListOf(size)
            select (tier, staff)).ListOf(count)
        select departments.Select((d, i) => new DepartmentStaff(new DepartmentId($"d{i}"), d.tier,
            d.staff.Select((s, j) => new StaffMember(new EmployeeId($"d{i}e{j}"), s.p, s.c)).ToList())).ToList();

    private static readonly Gen<decimal> Pool = Gen.Choose(0, 100_000_000).Select(f => f / 100m);

    [Fact]
    public void PM5_Property_AllocationAlwaysSumsExactlyToThePool_AndEachShareIsWithinAFenOfExact()
    {
        Prop.ForAll(Pool.ToArbitrary(), Zone.ToArbitrary(), (pool, zone) =>
        {
            var allocation = AnnualPerformanceAllocation.Allocate(pool, zone, Weihai);

            Assert.Equal(pool, allocation.Departments.Sum(d => d.Amount));
            foreach (var department in allocation.Departments)
            {
                Assert.Equal(department.Amount, department.People.Sum(p => p.Amount) + department.Undistributed);
                var staff = zone.Single(z => z.Department == department.Department).Staff;
                var weight = staff.Sum(s => s.PersonalCoefficient * s.PostCoefficient);
                foreach (var (person, member) in department.People.Zip(staff))
                {
                    Assert.Equal(decimal.Round(person.Amount, 2), person.Amount);
                    Assert.True(person.Amount >= 0m);
                    var exact = weight == 0m ? 0m : department.Amount * member.PersonalCoefficient * member.PostCoefficient / weight;
                    Assert.True(Math.Abs(person.Amount - exact) < 0.01m, $"{person.Amount} vs exact {exact}");
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PM5_Property_RaisingAPersonalCoefficient_NeverLowersThatPersonsShare()
    {
        var change = Gen.Choose(0, 1000).SelectMany(pick => Gen.Choose(1, 50).Select(raise => (pick, raise)));
        Prop.ForAll(Pool.ToArbitrary(), Zone.ToArbitrary(), change.ToArbitrary(), (pool, zone, c) =>
            {
                var (pick, raise) = c;
                var everyone = zone.SelectMany(d => d.Staff).ToList();
                var chosen = everyone[pick % everyone.Count];
                var raised = zone.Select(d => d with
                {
                    Staff = d.Staff.Select(s => s == chosen ? s with { PersonalCoefficient = s.PersonalCoefficient + (raise / 10m) } : s).ToList(),
                }).ToList();

                var before = AnnualPerformanceAllocation.Allocate(pool, zone, Weihai).AmountFor(chosen.Employee);
                var after = AnnualPerformanceAllocation.Allocate(pool, raised, Weihai).AmountFor(chosen.Employee);

                Assert.True(after >= before, $"{chosen.Employee}: {before} → {after}");
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PM5_Property_ABetterDepartmentTier_NeverLowersTheDepartmentsShare()
    {
        Prop.ForAll(Pool.ToArbitrary(), Zone.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (pool, zone, pick) =>
        {
            var index = pick % zone.Count;
            var current = zone[index].Tier;
            var better = current == DepartmentTier.Tier1 ? current : current - 1;
            var improved = zone.Select((d, i) => i == index ? d with { Tier = better } : d).ToList();

            var before = AnnualPerformanceAllocation.Allocate(pool, zone, Weihai).Departments[index].Amount;
            var after = AnnualPerformanceAllocation.Allocate(pool, improved, Weihai).Departments[index].Amount;

            Assert.True(after >= before, $"tier {current} → {better}: {before} → {after}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_LargestRemainder_SumsExactly_AndRaisingOneWeightNeverLowersItsPart()
    {
        var weights = Gen.Choose(0, 500).Select(w => w / 10m).ListOf().Where(l => l.Count > 0 && l.Sum() > 0m).Select(l => l.ToList());
        var change = Gen.Choose(0, 1000).SelectMany(pick => Gen.Choose(1, 100).Select(raise => (pick, raise)));
        Prop.ForAll(Pool.ToArbitrary(), weights.ToArbitrary(), change.ToArbitrary(), (amount, w, c) =>
            {
                var (pick, raise) = c;
                var parts = LargestRemainder.Apportion(amount, w);
                Assert.Equal(amount, parts.Sum());
                var i = pick % w.Count;
                var raised = w.Select((x, j) => j == i ? x + (raise / 10m) : x).ToList();
                Assert.True(LargestRemainder.Apportion(amount, raised)[i] >= parts[i]);
            }).QuickCheckThrowOnFailure();
    }
}
