using Grpc.Core;

namespace Personnel.Cli;

/// <summary>The exit codes of <c>personnel</c>, documented in docs/cli.md so scripts can branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked was done.</summary>
    public const int Ok = 0;

    /// <summary>The service refused (a rule, a missing record, a conflict), or an import had rejected rows.</summary>
    public const int Refused = 1;

    /// <summary>The command line or an input file is wrong; nothing was sent.</summary>
    public const int BadInput = 2;

    /// <summary>The key is missing, unknown, revoked, or not allowed to do this.</summary>
    public const int NotAllowed = 3;

    /// <summary>The server could not be reached or did not answer in time.</summary>
    public const int Unavailable = 4;

    /// <summary>The exit code for a call that ended with <paramref name="code"/>.</summary>
    public static int For(StatusCode code) => code switch
    {
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => NotAllowed,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled
            or StatusCode.Unknown or StatusCode.Internal or StatusCode.Unimplemented or StatusCode.DataLoss => Unavailable,
        _ => Refused,
    };
}
