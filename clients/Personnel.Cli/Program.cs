using Personnel.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the running call cleanly; the process then exits with the call's status.
    e.Cancel = true;
    cancel.Cancel();
};
return await PersonnelCli.RunAsync(args, CliContext.FromProcess(), cancel.Token).ConfigureAwait(false);
