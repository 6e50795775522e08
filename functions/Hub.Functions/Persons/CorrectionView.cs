using Hub.Core.Subjects;

namespace Hub.Functions.Persons;

/// <summary>A correction request as answered: values only to the owning department, as the access policy gives them.</summary>
internal sealed record CorrectionView(
    string Id,
    string Owner,
    string PersonKey,
    string Attribute,
    string? CurrentValue,
    string? ProposedValue,
    string Reason,
    string Batch,
    string RequestedBy,
    string? RequestedDivision,
    DateTimeOffset RequestedAt,
    string Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Answer)
{
    /// <summary>The request with its values as given (null: left out).</summary>
    public static CorrectionView Of(CorrectionRequest request, string? currentValue, string? proposedValue) => new(
        request.Id, request.Owner, request.PersonKey.Value, request.Attribute, currentValue, proposedValue, request.Reason, request.Batch,
        request.RequestedBy, request.RequestedDivision, request.RequestedAt, CorrectionRequests.Name(request.Status), request.DecidedBy, request.DecidedAt, request.Answer);
}
