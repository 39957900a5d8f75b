using Grpc.Core;
using Grpc.Net.Client;

namespace Personnel.Client;

/// <summary>
/// The personnel.v1 API: one typed client per service over one HTTP/2 channel. Thread-safe; create one per
/// process and reuse it.
/// </summary>
/// <example>
/// <code>
/// using var client = new PersonnelClient(new PersonnelClientOptions { ApiKey = key });
/// var level = await client.Employees.GetPostLevelAsync(new GetPostLevelRequest { EmployeeId = "e-1" });
/// </code>
/// </example>
public sealed class PersonnelClient : IDisposable
{
    private readonly GrpcChannel? _channel;

    /// <summary>Opens a channel to <see cref="PersonnelClientOptions.Address"/>.</summary>
    public PersonnelClient(PersonnelClientOptions options)
        : this(OpenChannel(options), options)
    {
    }

    /// <summary>Uses <paramref name="invoker"/> for every call (e.g. one shared with other clients); it is not disposed.</summary>
    public PersonnelClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(invoker, options, channel: null)
    {
    }

    private PersonnelClient(GrpcChannel channel, PersonnelClientOptions options)
        : this(channel.CreateCallInvoker(), options, channel)
    {
    }

    private PersonnelClient(CallInvoker invoker, PersonnelClientOptions options, GrpcChannel? channel)
    {
        _channel = channel;
        var runner = new CallRunner(invoker, options);
        Options = options;
        Employees = new EmployeeServiceClient(runner);
        Grading = new GradingServiceClient(runner);
        Departments = new DepartmentServiceClient(runner);
        Rotation = new RotationServiceClient(runner);
        Pay = new PayServiceClient(runner);
        Events = new EventServiceClient(runner);
        Keys = new KeyServiceClient(runner);
    }

    /// <summary>Gets the options the client was created with.</summary>
    public PersonnelClientOptions Options { get; }

    /// <summary>Gets the client of <c>personnel.v1.EmployeeService</c>.</summary>
    public EmployeeServiceClient Employees { get; }

    /// <summary>Gets the client of <c>personnel.v1.GradingService</c>.</summary>
    public GradingServiceClient Grading { get; }

    /// <summary>Gets the client of <c>personnel.v1.DepartmentService</c>.</summary>
    public DepartmentServiceClient Departments { get; }

    /// <summary>Gets the client of <c>personnel.v1.RotationService</c>.</summary>
    public RotationServiceClient Rotation { get; }

    /// <summary>Gets the client of <c>personnel.v1.PayService</c>.</summary>
    public PayServiceClient Pay { get; }

    /// <summary>Gets the client of <c>personnel.v1.EventService</c>.</summary>
    public EventServiceClient Events { get; }

    /// <summary>Gets the client of <c>personnel.v1.KeyService</c>.</summary>
    public KeyServiceClient Keys { get; }

    /// <summary>Closes the channel the client opened (not an invoker it was given).</summary>
    public void Dispose() => _channel?.Dispose();

    private static GrpcChannel OpenChannel(PersonnelClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var channelOptions = new GrpcChannelOptions();
        if (options.HttpHandler is { } handler)
        {
            channelOptions.HttpHandler = handler;
            channelOptions.DisposeHttpClient = false;
        }
        else if (options.CaFile is { } caFile)
        {
            channelOptions.HttpHandler = TrustingOnly(caFile);
            channelOptions.DisposeHttpClient = true;
        }

        return GrpcChannel.ForAddress(options.Address, channelOptions);
    }

    /// <summary>A handler that accepts a server certificate only when it chains to the CA in <paramref name="caFile"/> and
    /// names the host called.</summary>
    private static SocketsHttpHandler TrustingOnly(string caFile)
    {
        var authorities = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"The CA file '{caFile}' cannot be read as PEM certificates: {e.Message}", nameof(caFile), e);
        }

        if (authorities.Count == 0)
        {
            throw new ArgumentException($"The CA file '{caFile}' holds no PEM certificate.", nameof(caFile));
        }

        var policy = new System.Security.Cryptography.X509Certificates.X509ChainPolicy
        {
            TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust,
            RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(authorities);
        return new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            SslOptions =
            {
                CertificateChainPolicy = policy,
            },
        };
    }
}
