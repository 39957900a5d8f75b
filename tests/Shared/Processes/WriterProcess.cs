using System.Diagnostics;
using System.Text;
using Personnel.Storage.CrashWriter;

namespace Personnel.Tests.Shared;

/// <summary>A Personnel.Storage.CrashWriter process (crash or node mode) whose stdout is read as whole lines only: a line cut
/// short by SIGKILL is not an acknowledgement.</summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _partial = new();
    private readonly char[] _buffer = new char[8192];
    private readonly Queue<string> _lines = new();

    public WriterProcess(params string[] args)
    {
        var dll = typeof(CrashWorkload).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the writer process");
        StandardError = _process.StandardError.ReadToEndAsync();
    }

    public Task<string> StandardError { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Next complete line, or null at end of output.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (_lines.Count == 0)
        {
            var read = await _process.StandardOutput.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            Split(read);
        }

        return _lines.Dequeue();
    }

    /// <summary>Next complete line, or null at end of output, read by blocking the calling thread: a reader on
    /// a thread of its own keeps up with the process even while the thread pool is busy with other tests.</summary>
    public string? ReadLine()
    {
        while (_lines.Count == 0)
        {
            var read = _process.StandardOutput.Read(_buffer);
            if (read == 0)
            {
                return null;
            }

            Split(read);
        }

        return _lines.Dequeue();
    }

    /// <summary>Reads whole lines, split on spaces, into <paramref name="lines"/> until one starts with <paramref name="marker"/>.</summary>
    public async Task ReadLinesUntilAsync(List<string[]> lines, string marker, CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var parts = line.Split(' ');
            lines.Add(parts);
            if (parts[0] == marker)
            {
                return;
            }
        }

        throw new InvalidOperationException($"the node exited before '{marker}': {await StandardError.ConfigureAwait(false)}");
    }

    /// <summary>Reads the remaining lines, split on spaces, into <paramref name="lines"/> and waits for the process to end.</summary>
    public async Task ReadLinesToEndAsync(List<string[]> lines, CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lines.Add(line.Split(' '));
        }

        await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>SIGKILL: no chance to flush or roll back anything. Sent to the process straight away (the writer
    /// starts no children), without first walking /proc for a process tree, which takes tens of milliseconds
    /// on a loaded machine while the writer keeps writing.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // Already gone.
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Split(int read)
    {
        for (var i = 0; i < read; i++)
        {
            if (_buffer[i] == '\n')
            {
                _lines.Enqueue(_partial.ToString());
                _partial.Clear();
            }
            else
            {
                _partial.Append(_buffer[i]);
            }
        }
    }
}
