using Hub.Core.Feeds.Sources;

namespace Hub.Core.Feeds;

/// <summary>
/// An invalid value of an optional field that did not cost the record: dropped, or kept as sent, as the field's
/// <see cref="FieldMapping.OnInvalid"/> says. The row report lists it; like a rejection it never quotes the value.
/// </summary>
/// <param name="Problem">The row, the field and the rule that failed.</param>
/// <param name="Outcome">What became of the value: <see cref="InvalidValuePolicy.Drop"/> or <see cref="InvalidValuePolicy.Keep"/>.</param>
public sealed record ValueWarning(Rejection Problem, InvalidValuePolicy Outcome);
