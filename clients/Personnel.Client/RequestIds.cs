using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Personnel.Client;

/// <summary>
/// The <c>request_id</c> of mutating requests: the service records a request id once, so a retry with the same id
/// returns the first answer instead of recording twice.
/// </summary>
public static class RequestIds
{
    private const string FieldName = "request_id";

    /// <summary>A new random request id (32 hex digits).</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Writes a new request id into <paramref name="request"/> when it has a <c>request_id</c> field left empty.
    /// Returns whether the request carries a request id afterwards (and so may be retried safely).
    /// </summary>
    public static bool FillIfEmpty(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var field = request.Descriptor.FindFieldByName(FieldName);
        if (field is null || field.FieldType != FieldType.String || field.IsRepeated)
        {
            return false;
        }

        if (string.IsNullOrEmpty((string)field.Accessor.GetValue(request)))
        {
            field.Accessor.SetValue(request, New());
        }

        return true;
    }
}
