using Personnel.Server.Hosting;

var app = await ServerHost.BuildAsync(args).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);
