using System.Text.Json.Serialization;
using Personnel.Domain.Departments;

namespace Personnel.Grains.Abstractions;

/// <summary>One intent on one department (RULES §7); fingerprinted like <see cref="EmployeeCommand"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$command", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateDepartment), "create")]
[JsonDerivedType(typeof(RecordDepartmentAssessment), "assessment")]
[JsonDerivedType(typeof(CorrectDepartmentAssessment), "correct-assessment")]
public abstract record DepartmentCommand;

/// <summary>Creates the department the grain's key names.</summary>
public sealed record CreateDepartment(string Name, DepartmentKind Kind) : DepartmentCommand;

/// <summary>Records a year's tier and city rank; may issue a yellow card and order a leadership adjustment (AM 第十七条).</summary>
public sealed record RecordDepartmentAssessment(int Year, DepartmentTier Tier, CityRank? CityRank) : DepartmentCommand;

/// <summary>Corrects the latest assessed year, with a reason.</summary>
public sealed record CorrectDepartmentAssessment(int Year, DepartmentTier Tier, CityRank? CityRank, string Reason) : DepartmentCommand;
