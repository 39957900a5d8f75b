namespace Personnel.Server.Hosting;

/// <summary>The <c>Storage</c> section: which database, where.</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the provider: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Gets or sets the SQLite file path, or the Npgsql connection string. Defaults to
    /// <c>./data/personnel.db</c> for SQLite; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema. Defaults to <c>personnel</c>.</summary>
    public string Schema { get; set; } = "personnel";
}

/// <summary>The <c>Policy</c> section.</summary>
public sealed class PolicyOptions
{
    /// <summary>Gets or sets the policy profile by name. Defaults to the domain's default profile.</summary>
    public string? Profile { get; set; }

    /// <summary>Gets or sets a profile JSON file to use instead of a shipped profile (the form of
    /// <c>src/Personnel.Domain/Profiles/*.json</c>). Defaults to none.</summary>
    public string? ProfileFile { get; set; }
}
