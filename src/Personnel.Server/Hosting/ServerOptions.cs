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

/// <summary>The <c>Metrics</c> section: the Prometheus scrape endpoint <c>/metrics</c> on the HTTP/1.1 port (docs/metrics.md).</summary>
public sealed class MetricsOptions
{
    /// <summary>Gets or sets whether metrics are collected and served. Defaults to false: no endpoint, no collection.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets who may scrape: <c>admin</c> (an admin API key as <c>authorization: Bearer …</c>) or <c>open</c>
    /// (anyone who reaches the port: for a scraper inside a private network). Defaults to <c>admin</c>.</summary>
    public string Access { get; set; } = "admin";

    /// <summary>Gets whether <see cref="Access"/> is <c>open</c>; a value other than <c>admin</c> or <c>open</c> is refused.</summary>
    public bool IsOpen => Access.Trim().ToLowerInvariant() switch
    {
        "admin" => false,
        "open" => true,
        _ => throw new InvalidOperationException(
            $"Metrics:Access '{Access}' is not known: use admin (the scraper presents an admin API key) or open (no key: only for a "
            + "scraper inside a private network)."),
    };
}
