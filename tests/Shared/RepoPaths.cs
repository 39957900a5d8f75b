namespace Personnel.Tests.Shared;

/// <summary>Where the repository and the tools the suite uses are.</summary>
public static class RepoPaths
{
    /// <summary>Gets the repository root: the first directory above the test binaries holding Personnel.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debian's python, the one python3-grpcio serves.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Gets the protoc of the Grpc.Tools package restored for this build.</summary>
    public static string Protoc => Path.Combine(GrpcTools, "tools", "linux_x64", "protoc");

    /// <summary>Gets the well-known .proto files shipped with Grpc.Tools.</summary>
    public static string ProtocInclude => Path.Combine(GrpcTools, "build", "native", "include");

    /// <summary>Gets googleapis' .proto files (google/type/date.proto, google/api/annotations.proto …) as Google.Api.CommonProtos ships them.</summary>
    public static string CommonProtosInclude => Path.Combine(Packages, "google.api.commonprotos", "2.17.0", "content", "protos");

    private static string GrpcTools => Path.Combine(Packages, "grpc.tools", "2.85.0");

    private static string Packages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Personnel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Personnel.sln above {AppContext.BaseDirectory}.");
    }
}
