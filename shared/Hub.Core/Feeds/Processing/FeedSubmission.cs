using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Feeds.Processing;

/// <summary>What a pushed feed declares about itself.</summary>
/// <param name="Source">The source id.</param>
/// <param name="Mode">Delta or snapshot.</param>
/// <param name="ContentType">Format and charset.</param>
/// <param name="SubmittedBy">The authenticated client that pushed it.</param>
/// <param name="DeclaredBytes">
/// The length the request declared for the payload (Content-Length of a body sent without a content encoding); a body
/// that ends before it is incomplete and is not accepted. Null when the length is not known in advance.
/// </param>
public sealed record FeedSubmission(string Source, FeedMode Mode, FeedContentType ContentType, string SubmittedBy, long? DeclaredBytes = null);
