using System.Diagnostics;
using System.Text.Json;

namespace Personnel.Rpc.Tests.Interop;

/// <summary>
/// Another implementation's server, run as a child process: it prints <c>{"port": N}</c> once listening and
/// stops when its standard input closes (killed if it does not).
/// </summary>
public sealed class InteropServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private InteropServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<InteropServerProcess> StartAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "Interop"),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null)
        {
            throw new InvalidOperationException($"The {fileName} interop server exited: {await process.StandardError.ReadToEndAsync()}");
        }

        var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
        return new InteropServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
