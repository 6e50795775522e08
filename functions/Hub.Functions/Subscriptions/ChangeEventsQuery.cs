using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Subscriptions;

/// <summary>The query of a change feed read, as sent: checked by the handler, so a malformed value is a 400 problem.</summary>
/// <param name="Cursor">Where to read from (the <c>next</c> of an earlier page); absent for where the subscription started.</param>
/// <param name="Limit">The most events to read, 1 to the Hub's maximum; absent for 100.</param>
internal sealed record ChangeEventsQuery([FromQuery(Name = "cursor")] string? Cursor, [FromQuery(Name = "limit")] string? Limit);
