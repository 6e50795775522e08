using Azure;

namespace Hub.Core.Storage;

/// <summary>
/// Tells a storage failure from other faults, for the boundaries that answer "storage is unavailable" (503) or
/// report a probe unreachable: the storage types throw whatever storage refused that is not an outcome of theirs.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> (or the one exception it wraps) is a request storage refused or failed,
    /// and with which HTTP status (0 when no answer came).
    /// </summary>
    public static bool IsStorageFailure(Exception exception, out int status)
    {
        var failure = exception as RequestFailedException ?? (exception as AggregateException)?.InnerException as RequestFailedException;
        status = failure?.Status ?? 0;
        return failure is not null;
    }

    /// <summary>
    /// A line for a batch's last error when <paramref name="exception"/> is a storage failure: the status and storage's
    /// error code (never the request's content); null for any other fault.
    /// </summary>
    public static string? Describe(Exception exception)
    {
        var failure = exception as RequestFailedException ?? (exception as AggregateException)?.InnerException as RequestFailedException;
        return failure is null ? null : $"storage request failed: {failure.Status} {failure.ErrorCode}";
    }
}
