using Personnel.Api.V1;

namespace Personnel.Server.Auth;

/// <summary>The authenticated caller of one RPC, with the scope rule of that RPC.</summary>
/// <param name="DepartmentId">For a department's HR key, its department; null for every department.</param>
public sealed record Caller(string KeyId, Role Role, string? DepartmentId, Scope Scope);
