using System.Text.Json.Serialization;
using Personnel.Domain.Departments;

namespace Personnel.Grains.Abstractions;

/// <summary>One intent on one department (RULES §7); fingerprinted like <see cref="EmployeeCommand"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$command", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateDepartment), "create")]
[JsonDerivedType(typeof(RecordDepartmentAssessment), "assessment")]
[JsonDerivedType(typeof(CorrectDepartmentAssessment), "correct-assessment")]
[JsonDerivedType(typeof(RecordLeadershipAdjustmentDelivery), "leadership-adjustment-delivered")]
[JsonDerivedType(typeof(DischargeLeadershipAdjustment), "leadership-adjustment-discharged")]
[GenerateSerializer, Immutable]
public abstract record DepartmentCommand;

/// <summary>Creates the department the grain's key names.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CreateDepartment(string Name, DepartmentKind Kind) : DepartmentCommand;

/// <summary>Records a year's tier and city rank; may issue a yellow card and order a leadership adjustment (AM 第十七条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordDepartmentAssessment(int Year, DepartmentTier Tier, CityRank? CityRank) : DepartmentCommand;

/// <summary>Corrects the latest assessed year, with a reason.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CorrectDepartmentAssessment(int Year, DepartmentTier Tier, CityRank? CityRank, string Reason) : DepartmentCommand;

/// <summary>The order made by department event <paramref name="Order"/> reached <paramref name="HeadEmployeeId"/> (AM 第十七条).
/// Sent by the outbox after the head's grain took it; the outbox entry is deleted in the same commit.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordLeadershipAdjustmentDelivery(long Order, string HeadEmployeeId) : DepartmentCommand;

/// <summary>A new head took the post after the order made by event <paramref name="Order"/>: that appointment is the
/// adjustment (AM 第十七条), and the order is discharged instead of delivered. Sent by the outbox.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DischargeLeadershipAdjustment(long Order, string HeadEmployeeId, DateOnly HeadSince) : DepartmentCommand;
