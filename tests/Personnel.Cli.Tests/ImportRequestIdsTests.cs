using FsCheck;
using FsCheck.Fluent;
using Personnel.Cli.Import;

namespace Personnel.Cli.Tests;

public sealed class ImportRequestIdsTests
{
    [Fact]
    public void SameDepartmentEmployeeYearAndQuarter_GiveTheSameId_SoAReRunRecordsNothingTwice()
    {
        Assert.Equal(ImportRequestIds.For("d-1", "e-1", 2026, 2), ImportRequestIds.For("d-1", "e-1", 2026, 2));
        Assert.Matches("^imp-[0-9a-f]{32}$", ImportRequestIds.For("d-1", "e-1", 2026, 2));
    }

    [Fact]
    public void ChangingAnyPart_ChangesTheId()
    {
        var id = ImportRequestIds.For("d-1", "e-1", 2026, 2);

        Assert.NotEqual(id, ImportRequestIds.For("d-2", "e-1", 2026, 2));
        Assert.NotEqual(id, ImportRequestIds.For("d-1", "e-2", 2026, 2));
        Assert.NotEqual(id, ImportRequestIds.For("d-1", "e-1", 2025, 2));
        Assert.NotEqual(id, ImportRequestIds.For("d-1", "e-1", 2026, 3));
    }

    [Fact]
    public void PartsCannotBeShiftedAcrossTheSeparator()
    {
        // "d-1" + "2e" must not collide with "d-12" + "e".
        Assert.NotEqual(ImportRequestIds.For("d-1", "2e", 2026, 1), ImportRequestIds.For("d-12", "e", 2026, 1));
    }

    [Fact]
    public void DistinctKeys_GiveDistinctIds()
    {
        Prop.ForAll<NonEmptyString, NonEmptyString, PositiveInt>((a, b, y) =>
        {
            var employee = a.Get.Replace("\n", string.Empty, StringComparison.Ordinal);
            var other = employee + b.Get.Replace("\n", string.Empty, StringComparison.Ordinal) + "x";
            var quarter = (y.Get % 4) + 1;
            return ImportRequestIds.For("d", employee, y.Get, quarter) != ImportRequestIds.For("d", other, y.Get, quarter);
        }).QuickCheckThrowOnFailure();
    }
}
