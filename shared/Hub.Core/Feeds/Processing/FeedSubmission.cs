using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Feeds.Processing;

/// <summary>What a pushed feed declares about itself.</summary>
/// <param name="Source">The source id.</param>
/// <param name="Mode">Delta or snapshot.</param>
/// <param name="ContentType">Format and charset.</param>
/// <param name="SubmittedBy">The authenticated client that pushed it.</param>
public sealed record FeedSubmission(string Source, FeedMode Mode, FeedContentType ContentType, string SubmittedBy);
