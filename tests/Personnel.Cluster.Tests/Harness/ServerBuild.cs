using System.Reflection;
using Personnel.Tests.Shared;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>Where the server the cluster runs is: src/Personnel.Server's own build output, in the configuration this
/// assembly was built in (the processes run exactly what <c>dotnet build -c Release</c> left there).</summary>
internal static class ServerBuild
{
    /// <summary>Gets the server's entry assembly, run as <c>dotnet Personnel.Server.dll</c>.</summary>
    public static string Dll { get; } = Locate();

    /// <summary>Gets the <c>dotnet</c> host: the one running this process when it is dotnet, else the one on the PATH.</summary>
    public static string Host { get; } =
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string Locate()
    {
        var configuration = typeof(ServerBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(RepoPaths.Root, "src", "Personnel.Server", "bin", configuration, "net10.0", "Personnel.Server.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the server first (dotnet build -c {configuration} src/Personnel.Server).");
    }
}
